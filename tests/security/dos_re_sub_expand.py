# kind: dos
# expect: blocked
# desc: re.sub with a 10 KB replacement over a million matches
import re
r = re.sub('a', 'b' * 10 ** 4, 'a' * 10 ** 6)
