# kind: dos
# expect: blocked
# desc: list(itertools.repeat(1)) and tuple(itertools.repeat(None))
import itertools
try:
    list(itertools.repeat(1))
except MemoryError:
    pass
tuple(itertools.repeat(None))
