# kind: dos
# expect: blocked
# desc: format() of an int subclass with a huge width
class I(int):
    pass
format(I(1), '>1000000000')
