# kind: dos
# expect: blocked
# desc: operator.__imul__ on a str
import operator
operator.__imul__('ab', 10 ** 9)
