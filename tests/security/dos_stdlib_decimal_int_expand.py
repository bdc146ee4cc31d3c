# kind: dos
# expect: blocked
# desc: int() of a Decimal with a huge exponent
from decimal import Decimal
int(Decimal('9e999999'))
