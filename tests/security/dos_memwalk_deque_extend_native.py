# kind: dos
# expect: blocked
# desc: a collections.deque filled by native extend of a range, chunk after chunk
import collections
d = collections.deque()
while True:
    d.extend(range(100000))
