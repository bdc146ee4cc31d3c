# kind: dos
# expect: blocked
# desc: many suspended generators each holding a fresh list
def gen(n):
    acc = [n] * 100000
    yield
    yield acc
keep = []
while True:
    g = gen(len(keep))
    next(g)
    keep.append(g)
