# kind: dos
# expect: blocked
# desc: list subclass: L.__setitem__(l, slice(0, 0), range(10**10))
class L(list):
    pass
l = L()
L.__setitem__(l, slice(0, 0), range(10 ** 10))
