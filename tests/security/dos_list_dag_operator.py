# kind: dos
# expect: blocked
# desc: operator.contains on list DAGs
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
import operator
operator.contains([x], y)
