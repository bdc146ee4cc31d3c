# kind: dos
# expect: blocked
# desc: operator.floordiv of huge ints in a loop
import operator
x = 7 ** 3000000
y = 3 ** 1500000
while True:
    operator.floordiv(x, y)
