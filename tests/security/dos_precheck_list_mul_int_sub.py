# kind: dos
# expect: blocked
# desc: list repeated by an int subclass, both orders
class I(int):
    pass
x = I(10 ** 9) * [1]
[1] * I(10 ** 9)
