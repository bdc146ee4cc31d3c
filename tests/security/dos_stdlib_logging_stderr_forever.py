# kind: dos
# expect: blocked
# desc: logging records printed to stderr forever
import logging
while True:
    logging.error('boom %d', 1)
