# kind: dos
# expect: blocked
# desc: math.isqrt and math.gcd of million-bit ints: quadratic big-int division in one call
import math
a = 3 ** 700000
b = 7 ** 400000
g = math.gcd(a, b)
r = math.isqrt(a * b)
