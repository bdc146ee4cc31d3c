# kind: dos
# expect: blocked
# desc: __len__ calling len(self), caught and retried
class A:
    def __len__(self):
        return len(self)
n = 0
while True:
    try:
        len(A())
    except RecursionError:
        n += 1
