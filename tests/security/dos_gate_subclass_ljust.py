# kind: dos
# expect: blocked
# desc: str subclass instance: the unchecked original ljust
class S(str):
    pass
S('a').ljust(10 ** 9)
