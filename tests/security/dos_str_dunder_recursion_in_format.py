# kind: dos
# expect: blocked
# desc: __format__ calling format(self) from an f-string
class A:
    def __format__(self, spec):
        return f'{self:x}'
f'{A()}'
