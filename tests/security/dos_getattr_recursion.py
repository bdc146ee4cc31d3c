# kind: dos
# expect: blocked
# desc: __getattr__ reading a missing attribute of self
class A:
    def __getattr__(self, name):
        return self.missing
A().x
