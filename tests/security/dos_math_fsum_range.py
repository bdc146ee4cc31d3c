# kind: dos
# expect: blocked
# desc: math.fsum(range(10**9)): a billion-item C loop over a range
import math
math.fsum(range(10 ** 9))
