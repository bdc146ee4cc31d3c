# kind: dos
# expect: blocked
# desc: bytes(n) with an int subclass n
class I(int):
    pass
bytes(I(10 ** 9))
