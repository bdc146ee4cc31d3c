# kind: dos
# expect: blocked
# desc: ''.join(map(str, itertools.count()))
import itertools
''.join(map(str, itertools.count()))
