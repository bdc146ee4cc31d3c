# kind: dos
# expect: blocked
# desc: operator.pow on an int subclass
import operator
class I(int):
    pass
operator.pow(I(10), 10 ** 8)
