# kind: dos
# expect: blocked
# desc: a shift count that is an int subclass
class I(int):
    pass
1 << I(10 ** 10)
