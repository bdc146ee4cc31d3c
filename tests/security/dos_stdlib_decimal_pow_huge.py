# kind: dos
# expect: blocked
# desc: Decimal(10) ** 10**9 under the largest precision
from decimal import Decimal, getcontext
getcontext().prec = 100000
Decimal(10) ** 10**9 + 1
