# kind: dos
# expect: blocked
# desc: a context precision of 10**9
from decimal import getcontext, Decimal
getcontext().prec = 10**9
Decimal(1) / 7
