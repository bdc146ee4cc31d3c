# kind: dos
# expect: blocked
# desc: __del__ that loops forever, triggered by del and rebinding
class A:
    def __del__(self):
        while True:
            pass
a = A()
del a
b = A()
b = None
while True:
    A()
