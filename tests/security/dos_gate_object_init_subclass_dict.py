# kind: dos
# expect: blocked
# desc: dict subclass: super().__init__ of a huge range of pairs
class D(dict):
    def __init__(self, n):
        super().__init__(zip(range(n), range(n)))
D(10 ** 9)
