# kind: dos
# expect: blocked
# desc: hash of a 10**6 deep nested tuple (CPython's tuple hash recurses in C)
t = ()
for _ in range(10 ** 6):
    t = (t,)
hash(t)
