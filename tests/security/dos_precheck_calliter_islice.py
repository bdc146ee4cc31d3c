# kind: dos
# expect: blocked
# desc: itertools.chain over iter(int, 1) drained by list
import itertools
list(itertools.chain(iter(int, 1)))
