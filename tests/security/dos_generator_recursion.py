# kind: dos
# expect: blocked
# desc: a generator delegating to itself with yield from
def g(n):
    yield n
    yield from g(n + 1)
for _ in g(0):
    pass
