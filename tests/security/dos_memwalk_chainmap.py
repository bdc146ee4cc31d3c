# kind: dos
# expect: blocked
# desc: data grown in a dict held by a collections.ChainMap
import collections
c = collections.ChainMap({}, {})
i = 0
while True:
    c[i] = [i] * 10000
    i += 1
