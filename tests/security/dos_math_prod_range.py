# kind: dos
# expect: blocked
# desc: math.prod(range(1, 10**7)): a factorial through prod
import math
math.prod(range(1, 10 ** 7))
