# kind: dos
# expect: blocked
# desc: str subclass: __format__ with a huge width
class S(str):
    pass
S('x').__format__('>1000000000')
