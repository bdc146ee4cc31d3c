# kind: dos
# expect: blocked
# desc: sorted of list DAGs
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
sorted([x, y])
