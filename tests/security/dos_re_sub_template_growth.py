# kind: dos
# expect: blocked
# desc: re.sub whose backreference template grows the result by 30 KB per match over 300k matches
import re
r = re.sub(r'(a)', r'\1' * 30000, 'a' * 300000)
