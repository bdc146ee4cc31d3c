# kind: dos
# expect: blocked
# desc: re.sub whose callback loops forever
import re
def cb(m):
    while True:
        pass
re.sub('a', cb, 'aaa')
