# kind: dos
# expect: blocked
# desc: a list subclass built from a huge range
class L(list):
    pass
L(range(10 ** 9))
