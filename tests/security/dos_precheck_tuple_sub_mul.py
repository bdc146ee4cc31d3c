# kind: dos
# expect: blocked
# desc: tuple subclass repeated
class T(tuple):
    pass
T((1, 2)) * 10 ** 9
