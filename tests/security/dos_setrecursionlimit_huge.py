# kind: dos
# expect: blocked
# desc: sys.setrecursionlimit(10**9) then unbounded recursion
import sys
try:
    sys.setrecursionlimit(10 ** 9)
except Exception:
    pass
def r(n):
    return r(n + 1) + 1
r(0)
