# kind: dos
# expect: blocked
# desc: math.lcm(*range(1, 10**6)): a growing lcm in one C call
import math
math.lcm(*range(1, 10 ** 6))
