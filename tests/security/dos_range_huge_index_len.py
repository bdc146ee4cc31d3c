# kind: dos
# expect: blocked
# desc: len(range(10**100)) then walking a huge range by huge steps
r = range(10 ** 100)
try:
    len(r)
except OverflowError:
    pass
x = 0
for v in range(0, 10 ** 100, 10 ** 80):
    x += v % 7
