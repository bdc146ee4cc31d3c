# kind: dos
# expect: blocked
# desc: heapq.nlargest/merge over infinite iterators
import heapq, itertools
try:
    heapq.nlargest(3, itertools.count())
except Exception:
    pass
for _ in heapq.merge(itertools.count(), itertools.count()):
    pass
