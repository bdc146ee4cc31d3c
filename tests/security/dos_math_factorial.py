# kind: dos
# expect: blocked
# desc: math.factorial(10**7): minutes of big-int work in one C call
import math
math.factorial(10 ** 7)
