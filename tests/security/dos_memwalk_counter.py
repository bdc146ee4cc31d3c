# kind: dos
# expect: blocked
# desc: data grown in a collections.Counter
import collections
c = collections.Counter()
i = 0
while True:
    c[i] = [i] * 10000
    i += 1
