# kind: dos
# expect: blocked
# desc: int subclass raised to a huge power: I(10) ** 10**8
class I(int):
    pass
I(10) ** 10 ** 8
