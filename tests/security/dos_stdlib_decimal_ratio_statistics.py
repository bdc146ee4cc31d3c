# kind: dos
# expect: blocked
# desc: host statistics code expanding Decimals into ints
import statistics
from decimal import Decimal
statistics.mean([Decimal('1e-999999'), Decimal('3e999999')])
