# kind: dos
# expect: blocked
# desc: int subclass shifted left by 10**10
class I(int):
    pass
I(1) << 10 ** 10
