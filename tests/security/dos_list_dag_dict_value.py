# kind: dos
# expect: blocked
# desc: == of dicts whose values are list DAGs
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
{1: x} == {1: y}
