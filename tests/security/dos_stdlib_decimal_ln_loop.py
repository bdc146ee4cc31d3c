# kind: dos
# expect: blocked
# desc: transcendental functions at the largest precision, in a loop
from decimal import Decimal, getcontext
getcontext().prec = 100000
while True:
    Decimal(2).ln()
