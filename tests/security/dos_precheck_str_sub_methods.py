# kind: dos
# expect: blocked
# desc: str methods called unbound on a str subclass instance (str.ljust(S('a'), 10**9)) take the checked wrapper's path
class S(str):
    pass
s = S('a')
str.ljust(s, 10 ** 9)
