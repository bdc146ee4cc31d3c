# kind: dos
# expect: blocked
# desc: Fraction ** an int subclass whose __int__ says 0: the size check sees 0, CPython's Fraction.__pow__ reads the real exponent (3 ** 10**9 in one C call)
from fractions import Fraction
class I(int):
    def __int__(self):
        return 0
    def __abs__(self):
        return 0
Fraction(3) ** I(10 ** 9)
