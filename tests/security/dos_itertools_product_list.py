# kind: dos
# expect: blocked
# desc: list(itertools.product(range(100), repeat=10))
import itertools
list(itertools.product(range(100), repeat=10))
