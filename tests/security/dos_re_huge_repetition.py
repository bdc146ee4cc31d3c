# kind: dos
# expect: blocked
# desc: regex with nested huge repetition counts compiled and matched
import re
p = re.compile('(?:(?:a{1000}){1000}){1000}')
p.match('a' * 10 ** 6)
