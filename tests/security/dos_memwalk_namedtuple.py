# kind: dos
# expect: blocked
# desc: data grown in a list held by a namedtuple field
import collections
P = collections.namedtuple("P", "x y")
p = P([], 1)
while True:
    p.x.append([1] * 10000)
