# kind: dos
# expect: blocked
# desc: list subclass: l.__iadd__(range(10**10))
class L(list):
    pass
L().__iadd__(range(10 ** 10))
