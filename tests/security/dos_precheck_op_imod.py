# kind: dos
# expect: blocked
# desc: operator.imod with a huge %-format width
import operator
operator.imod('%*d', (10 ** 9, 1))
