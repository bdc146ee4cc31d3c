# kind: dos
# expect: blocked
# desc: int subclass instance: __lshift__ bound method
class I(int):
    pass
I(1).__lshift__(10 ** 10)
