# kind: dos
# expect: blocked
# desc: a list DAG searched for with in
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
x in [0, y]
