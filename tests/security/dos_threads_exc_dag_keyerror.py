# kind: dos
# expect: blocked
# desc: KeyError's message is the repr of its single arg: a tuple DAG key
x = (1,)
for _ in range(60):
    x = (x, x)
raise KeyError(x)
