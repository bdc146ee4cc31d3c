# kind: dos
# expect: blocked
# desc: sorting a large list repeatedly
l = list(range(3 * 10 ** 6, 0, -1))
while True:
    l = sorted(l, reverse=True)
