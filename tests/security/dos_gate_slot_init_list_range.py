# kind: dos
# expect: blocked
# desc: list subclass: super().__init__(range(10**10))
class L(list):
    def __init__(self, n):
        super().__init__(range(n))
L(10 ** 10)
