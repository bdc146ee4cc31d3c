# kind: dos
# expect: blocked
# desc: operator.countOf / indexOf over an infinite iterator
import operator, itertools
try:
    operator.indexOf(itertools.repeat(1), 2)
except ValueError:
    pass
operator.countOf(itertools.repeat(1), 2)
