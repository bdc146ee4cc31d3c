# kind: dos
# expect: blocked
# desc: re.match('(a+)+$', 'a'*40+'b'): catastrophic backtracking
import re
re.match('(a+)+$', 'a' * 40 + 'b')
