# kind: dos
# expect: blocked
# desc: collections.Counter(itertools.repeat(x)) and Counter(range(10**9))
import collections, itertools
try:
    collections.Counter(itertools.repeat('a'))
except Exception:
    pass
collections.Counter(range(10 ** 9))
