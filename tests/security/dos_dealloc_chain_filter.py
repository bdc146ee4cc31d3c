# kind: dos
# expect: blocked
# desc: a chain of filter links freed recursively in C (no trashcan): freeing it must not overflow the C stack
x = []
while True:
    x = filter(None, x)
