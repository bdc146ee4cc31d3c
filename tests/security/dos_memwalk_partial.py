# kind: dos
# expect: blocked
# desc: fresh lists held only by functools.partial arguments kept in a list
import functools
keep = []
while True:
    keep.append(functools.partial(print, [len(keep)] * 100000))
