# kind: dos
# expect: blocked
# desc: operator.mod with a huge %-format width
import operator
operator.mod('%*d', (10 ** 9, 1))
