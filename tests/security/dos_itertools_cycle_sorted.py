# kind: dos
# expect: blocked
# desc: sorted(itertools.cycle('ab'))
import itertools
sorted(itertools.cycle('ab'))
