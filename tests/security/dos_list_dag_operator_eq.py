# kind: dos
# expect: blocked
# desc: operator.eq on list DAGs
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
import operator
operator.eq(x, y)
