# kind: dos
# expect: blocked
# desc: %-format of a str subclass with a * width
class S(str):
    pass
S('%*d') % (10 ** 9, 1)
