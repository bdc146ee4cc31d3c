# kind: dos
# expect: blocked
# desc: bisect.insort at the front of a big list forever (quadratic memmove)
import bisect
l = list(range(10 ** 6))
while True:
    bisect.insort(l, -1)
