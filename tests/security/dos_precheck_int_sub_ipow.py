# kind: dos
# expect: blocked
# desc: in-place power of an int subclass
class I(int):
    pass
x = I(7)
x **= 10 ** 8
