# kind: dos
# expect: blocked
# desc: a set subclass built from a huge range
class S(set):
    pass
S(range(10 ** 9))
