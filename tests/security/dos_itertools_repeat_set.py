# kind: dos
# expect: blocked
# desc: set() and dict.fromkeys() over itertools.repeat (constant memory, infinite time)
import itertools
try:
    set(itertools.repeat(1))
except Exception:
    pass
dict.fromkeys(itertools.repeat(2))
