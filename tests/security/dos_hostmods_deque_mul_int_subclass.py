# kind: dos
# expect: blocked
# desc: deque * an int subclass whose > says no: the repeat size check is skipped, CPython's deque repeats 10 items 10**8 times (a billion items)
from collections import deque
class I(int):
    def __gt__(self, other):
        return False
d = deque(range(10))
d * I(10 ** 8)
