# kind: dos
# expect: blocked
# desc: Fraction(3, 2) ** 10**9
from fractions import Fraction
Fraction(3, 2) ** (10 ** 9)
