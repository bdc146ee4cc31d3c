# kind: dos
# expect: blocked
# desc: a descriptor __get__ reading the same descriptor from the owner
class D:
    def __get__(self, obj, owner):
        return owner.d
class A:
    d = D()
A.d
