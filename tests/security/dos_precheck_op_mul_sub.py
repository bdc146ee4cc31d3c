# kind: dos
# expect: blocked
# desc: operator.mul on a list subclass
import operator
class L(list):
    pass
operator.mul(L([1]), 10 ** 9)
