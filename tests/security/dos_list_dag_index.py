# kind: dos
# expect: blocked
# desc: list.index of a list DAG
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
[0, y].index(x)
