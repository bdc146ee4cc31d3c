# kind: dos
# expect: blocked
# desc: urllib.parse.parse_qs of a huge query string
from urllib.parse import parse_qs
parse_qs('a=1&' * 10**7)
