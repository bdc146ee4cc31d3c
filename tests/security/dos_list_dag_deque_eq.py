# kind: dos
# expect: blocked
# desc: == of deques holding list DAGs
x = [0]
y = [0]
for _ in range(40):
    x = [x, x]
    y = [y, y]
from collections import deque
deque([x]) == deque([y])
