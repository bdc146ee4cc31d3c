# kind: dos
# expect: blocked
# desc: sorted with a cmp_to_key comparator that does work per comparison
# margin: 0.3
import functools
def cmp(a, b):
    for _ in range(1000):
        pass
    return (a > b) - (a < b)
sorted(range(10 ** 6, 0, -1), key=functools.cmp_to_key(cmp))
