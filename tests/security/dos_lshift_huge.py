# kind: dos
# expect: blocked
# desc: 1 << 10**12
x = 1 << 10 ** 12
