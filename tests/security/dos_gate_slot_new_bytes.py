# kind: dos
# expect: blocked
# desc: bytes subclass: super().__new__(cls, 10**10)
class B(bytes):
    def __new__(cls, n):
        return super().__new__(cls, n)
B(10 ** 10)
