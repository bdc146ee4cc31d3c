# kind: dos
# expect: blocked
# desc: math.factorial(10**6) and math.comb(10**6, 5*10**5): seconds of big-int products in one C call
import math
x = math.factorial(10 ** 6)
y = math.comb(10 ** 6, 5 * 10 ** 5)
