# kind: dos
# expect: blocked
# desc: next(islice(count(), 10**18, None)): islice skips in a C loop
import itertools
next(itertools.islice(itertools.count(), 10 ** 18, None))
