# kind: dos
# expect: blocked
# desc: itertools.cycle saving the items of a generator it consumes
import itertools
c = itertools.cycle([i] for i in itertools.count())
for x in c:
    pass
