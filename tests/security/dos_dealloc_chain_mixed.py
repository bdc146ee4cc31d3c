# kind: dos
# expect: blocked
# desc: a chain of mixed links freed recursively in C (no trashcan): freeing it must not overflow the C stack
x = None
i = 0
while True:
    i += 1
    x = classmethod(x) if i % 2 else slice(x)
