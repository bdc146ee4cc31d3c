# kind: dos
# expect: blocked
# desc: deque.count of a list DAG
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
from collections import deque
deque([x]).count(y)
