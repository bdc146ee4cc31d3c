# kind: dos
# expect: blocked
# desc: data grown in a collections.deque
import collections
d = collections.deque()
while True:
    d.append([len(d)] * 10000)
