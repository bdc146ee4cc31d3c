# kind: dos
# expect: blocked
# desc: fresh lists held only by itertools.groupby objects kept in a list
import itertools
keep = []
while True:
    g = itertools.groupby([[len(keep)] * 100000])
    next(g)
    keep.append(g)
