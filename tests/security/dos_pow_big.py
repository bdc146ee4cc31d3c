# kind: dos
# expect: blocked
# desc: 10 ** (10 ** 7)
x = 10 ** (10 ** 7)
