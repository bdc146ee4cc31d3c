# kind: dos
# expect: blocked
# desc: 2 in itertools.repeat(1): containment walks an infinite iterator in C
import itertools
2 in itertools.repeat(1)
