# kind: dos
# expect: blocked
# desc: %-format width that is an int subclass
class I(int):
    pass
'%*d' % (I(10 ** 9), 1)
