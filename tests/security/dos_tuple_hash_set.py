# kind: dos
# expect: blocked
# desc: set() of one expensive-to-hash tuple repeated (each hash uncached)
t = (0,)
for _ in range(20):
    t = (t, t)
set([t] * 1000)
