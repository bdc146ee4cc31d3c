# kind: dos
# expect: blocked
# desc: 1.5 in range(10**15) (CPython walks the range for non-int needles)
1.5 in range(10 ** 15)
