# kind: dos
# expect: blocked
# desc: logging records written forever to a StringIO
import logging, io
s = io.StringIO()
logging.basicConfig(stream=s, level=logging.DEBUG)
log = logging.getLogger('x')
while True:
    log.info('message %s', 'x' * 100)
