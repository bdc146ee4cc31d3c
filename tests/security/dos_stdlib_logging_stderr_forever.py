# kind: dos
# expect: blocked
# desc: logging records printed to stderr forever
# margin: 0.3
import logging
while True:
    logging.error('boom %d', 1)
