# kind: dos
# expect: blocked
# desc: __del__ that appends 1 MB to a global list, triggered by a loop creating objects
keep = []
class A:
    def __del__(self):
        keep.append('k' * 10 ** 6)
while True:
    A()
