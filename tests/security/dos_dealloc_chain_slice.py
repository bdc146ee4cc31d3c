# kind: dos
# expect: blocked
# desc: a chain of slice links freed recursively in C (no trashcan): freeing it must not overflow the C stack
x = None
while True:
    x = slice(x)
