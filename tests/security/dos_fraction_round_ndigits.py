# kind: dos
# expect: blocked
# desc: Fraction.__round__ with a huge ndigits (10**abs(ndigits))
from fractions import Fraction
round(Fraction(1, 3), 10 ** 9)
