# kind: dos
# expect: blocked
# desc: collections.deque(iter(int, 1))
import collections
collections.deque(iter(int, 1))
