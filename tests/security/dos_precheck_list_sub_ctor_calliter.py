# kind: dos
# expect: blocked
# desc: a list subclass built from iter(int, 1)
class L(list):
    pass
L(iter(int, 1))
