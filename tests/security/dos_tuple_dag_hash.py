# kind: dos
# expect: blocked
# desc: hash of a tuple DAG (x = (x, x) 60 times): 2**60 steps in C, tuple hashes are not cached
x = (1,)
for _ in range(60):
    x = (x, x)
hash(x)
