# kind: dos
# expect: blocked
# desc: data grown in a functools.lru_cache cache
import functools
@functools.lru_cache(maxsize=None)
def f(i):
    return [i] * 10000
i = 0
while True:
    f(i)
    i += 1
