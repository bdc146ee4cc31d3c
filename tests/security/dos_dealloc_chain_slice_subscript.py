# kind: dos
# expect: blocked
# desc: a chain of slice_subscript links freed recursively in C (no trashcan): freeing it must not overflow the C stack
class K:
    def __getitem__(self, s):
        return s
k = K()
x = None
while True:
    x = k[None:x]
