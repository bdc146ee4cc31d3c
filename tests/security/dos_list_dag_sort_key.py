# kind: dos
# expect: blocked
# desc: list.sort whose key returns list DAGs
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
l = [0, 1]
l.sort(key=lambda i: x if i else y)
