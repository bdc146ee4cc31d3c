# kind: dos
# expect: blocked
# desc: collections.deque(itertools.count(), maxlen=0): the C consume idiom over an infinite iterator
import collections, itertools
collections.deque(itertools.count(), maxlen=0)
