# kind: dos
# expect: blocked
# desc: __iter__ returning iter(self)
class A:
    def __iter__(self):
        return iter(self)
list(A())
