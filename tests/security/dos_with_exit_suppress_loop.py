# kind: dos
# expect: blocked
# desc: __exit__ suppressing everything around an infinite loop
class C:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return True
while True:
    with C():
        while True:
            pass
