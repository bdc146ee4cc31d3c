# kind: dos
# expect: blocked
# desc: harmonic sum with Fractions: denominators grow without bound
from fractions import Fraction
s = Fraction(0)
n = 1
while True:
    s += Fraction(1, n)
    n += 1
