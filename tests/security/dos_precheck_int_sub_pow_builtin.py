# kind: dos
# expect: blocked
# desc: pow() builtin with an int subclass
class I(int):
    pass
pow(I(10), 10 ** 8)
