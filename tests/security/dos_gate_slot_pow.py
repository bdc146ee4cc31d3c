# kind: dos
# expect: blocked
# desc: I.__pow__ read from an int subclass
class I(int):
    pass
I.__pow__(I(10), 10 ** 9)
