# kind: dos
# expect: blocked
# desc: big str keys of a collections.Counter (a dict subclass: tp_traverse skips str keys)
import collections
c = collections.Counter()
i = 0
while True:
    c[str(i) * 10000] += 1
    i += 1
