# kind: dos
# expect: blocked
# desc: format() of a str subclass with a huge width
class S(str):
    pass
format(S('a'), '>1000000000')
