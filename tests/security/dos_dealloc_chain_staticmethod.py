# kind: dos
# expect: blocked
# desc: a chain of staticmethod links freed recursively in C (no trashcan): freeing it must not overflow the C stack
x = None
while True:
    x = staticmethod(x)
