# kind: dos
# expect: blocked
# desc: data buffered by itertools.tee: one copy advanced, the other never
import itertools
a, b = itertools.tee(itertools.count())
for x in a:
    pass
