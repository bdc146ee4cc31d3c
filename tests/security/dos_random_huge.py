# kind: dos
# expect: blocked
# desc: random.getrandbits(10**10), randbytes(10**10), choices(k=10**9)
import random
for f in (lambda: random.getrandbits(10 ** 10), lambda: random.randbytes(10 ** 10)):
    try:
        f()
    except (MemoryError, OverflowError, ValueError):
        pass
random.choices(range(10), k=10 ** 9)
