# kind: dos
# expect: blocked
# desc: itertools.tee buffering fresh strings
import itertools
a, b = itertools.tee(str(i) * 10 for i in itertools.count())
for x in a:
    pass
