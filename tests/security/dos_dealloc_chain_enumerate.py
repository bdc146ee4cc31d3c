# kind: dos
# expect: blocked
# desc: a chain of enumerate links freed recursively in C (no trashcan): freeing it must not overflow the C stack
x = []
while True:
    x = enumerate(x)
