# kind: dos
# expect: blocked
# desc: a chain of map_zip links freed recursively in C (no trashcan): freeing it must not overflow the C stack
x = []
while True:
    x = map(abs, zip(x))
