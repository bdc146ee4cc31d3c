# kind: dos
# expect: blocked
# desc: operator.ilshift on an int subclass
import operator
class I(int):
    pass
operator.ilshift(I(1), 10 ** 10)
