# kind: dos
# expect: blocked
# desc: itertools.groupby over repeat(1): the second group never arrives
import itertools
g = itertools.groupby(itertools.repeat(1))
next(g)
next(g)
