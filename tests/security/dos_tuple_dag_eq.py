# kind: dos
# expect: blocked
# desc: == of two equal but distinct tuple DAGs: 2**60 item comparisons in C
x = (1,)
y = (1,)
for _ in range(60):
    x = (x, x)
    y = (y, y)
x == y
