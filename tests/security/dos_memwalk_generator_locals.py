# kind: dos
# expect: blocked
# desc: data grown in a suspended generator's local variable
def gen():
    acc = []
    while True:
        acc.append([len(acc)] * 10000)
        yield
g = gen()
while True:
    next(g)
