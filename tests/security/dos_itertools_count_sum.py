# kind: dos
# expect: blocked
# desc: sum(itertools.count()) : an infinite C-level iterator drained by sum
import itertools
sum(itertools.count())
