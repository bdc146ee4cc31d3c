# kind: dos
# expect: blocked
# desc: data grown in a collections.OrderedDict
import collections
d = collections.OrderedDict()
i = 0
while True:
    d[i] = [i] * 10000
    i += 1
