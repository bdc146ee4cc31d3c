# kind: dos
# expect: blocked
# desc: math.comb(10**7, 5*10**6) and math.perm(10**7)
import math
a = math.comb(10 ** 7, 5 * 10 ** 6)
b = math.perm(10 ** 7)
