# kind: dos
# expect: blocked
# desc: Fraction('1e1000000000'): the parser multiplies by 10**exp
from fractions import Fraction
Fraction('1e1000000000')
