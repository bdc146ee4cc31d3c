# kind: dos
# expect: blocked
# desc: next() of filterfalse/compress/dropwhile that never yield (C predicates)
import itertools
for it in (itertools.compress(itertools.repeat(1), itertools.repeat(0)),
           itertools.dropwhile(bool, itertools.repeat(1)),
           itertools.filterfalse(None, itertools.repeat(1))):
    try:
        next(it)
    except StopIteration:
        pass
