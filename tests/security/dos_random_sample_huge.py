# kind: dos
# expect: blocked
# desc: random.sample(range(10**12), 10**8) and shuffle of a big list in a loop
import random
try:
    random.sample(range(10 ** 12), 10 ** 8)
except MemoryError:
    pass
l = list(range(10 ** 6))
while True:
    random.shuffle(l)
