# kind: dos
# expect: blocked
# desc: a chain of property links freed recursively in C (no trashcan): freeing it must not overflow the C stack
x = None
while True:
    x = property(x, x)
