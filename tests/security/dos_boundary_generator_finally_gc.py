# kind: dos
# expect: blocked
# desc: suspended generators in garbage cycles whose finally blocks never end, left for the host's collector (CPython closes a generator when it is freed)
def g(box):
    try:
        yield 1
    finally:
        while True:
            pass
for _ in range(50):
    box = []
    it = g(box)
    box.append(it)
    next(it)
box = it = None
"done"
