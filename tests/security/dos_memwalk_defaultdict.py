# kind: dos
# expect: blocked
# desc: data grown in a collections.defaultdict through its factory
import collections
d = collections.defaultdict(list)
i = 0
while True:
    d[i].extend([i] * 10000)
    i += 1
