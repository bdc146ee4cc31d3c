# kind: dos
# expect: blocked
# desc: str subclass class: S.ljust(s, n) unbound
class S(str):
    pass
S.ljust(S('a'), 10 ** 9)
