# kind: dos
# expect: blocked
# desc: str.encode('utf-32') and 'unicode_escape' expansions
s = 'a' * (10 ** 8)
b = s.encode('utf-32')
c = ('\U0001f600' * (3 * 10 ** 7)).encode('unicode_escape')
