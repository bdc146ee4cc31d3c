# kind: dos
# expect: blocked
# desc: math.fsum / math.prod over itertools.repeat: C accumulation loops
import math, itertools
try:
    math.fsum(itertools.repeat(1.0))
except Exception:
    pass
math.prod(itertools.repeat(1))
