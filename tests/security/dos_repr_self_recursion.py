# kind: dos
# expect: blocked
# desc: __repr__ calling repr(self)
class A:
    def __repr__(self):
        return repr(self)
repr(A())
