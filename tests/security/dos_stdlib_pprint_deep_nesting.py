# kind: dos
# expect: blocked
# desc: pprint.pformat of a deeply nested list
import pprint
x = []
for i in range(100000):
    x = [x]
pprint.pformat(x)
