# kind: dos
# expect: blocked
# desc: math.prod(['ab'], start=10**9): a 2 GB string built by sequence repetition inside prod
import math
s = math.prod(['ab'], start=10 ** 9)
len(s)
