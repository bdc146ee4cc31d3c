# kind: dos
# expect: blocked
# desc: itertools.permutations with an int subclass r whose <= and + lie: the size check passes, CPython's permutations allocates and fills r = 2*10**8 cycle counters (1.6 GB)
import itertools
class I(int):
    def __le__(self, other):
        return True
    def __add__(self, other):
        return 1
    __radd__ = __add__
p = itertools.permutations([1, 2, 3], I(2 * 10 ** 8))
c = itertools.combinations([1, 2, 3], I(2 * 10 ** 8))
len(list(p)) + len(list(c))
