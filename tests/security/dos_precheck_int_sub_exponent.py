# kind: dos
# expect: blocked
# desc: an int subclass as the exponent: 10 ** I(10**8)
class I(int):
    pass
10 ** I(10 ** 8)
