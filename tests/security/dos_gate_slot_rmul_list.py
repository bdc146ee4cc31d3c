# kind: dos
# expect: blocked
# desc: a list subclass's inherited __rmul__ / __imul__
class L(list):
    pass
l = L([0] * 100)
L.__imul__(l, 10 ** 8)
