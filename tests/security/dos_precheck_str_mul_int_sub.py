# kind: dos
# expect: blocked
# desc: str repeated by an int subclass
class I(int):
    pass
'ab' * I(10 ** 9)
