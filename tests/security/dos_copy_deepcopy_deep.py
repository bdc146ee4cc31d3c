# kind: dos
# expect: blocked
# desc: copy.deepcopy of a 10**5 deep nested list and dict
import copy
x = []
for _ in range(10 ** 5):
    x = [x, {'k': x}]
copy.deepcopy(x)
