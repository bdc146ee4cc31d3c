# kind: dos
# expect: blocked
# desc: Decimal text with an exponent past the bounds
from decimal import Decimal
Decimal('1e99999999999999') + 1
