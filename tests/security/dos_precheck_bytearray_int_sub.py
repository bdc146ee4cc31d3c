# kind: dos
# expect: blocked
# desc: bytearray(n) with an int subclass n
class I(int):
    pass
bytearray(I(10 ** 9))
