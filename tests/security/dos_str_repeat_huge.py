# kind: dos
# expect: blocked
# desc: 'x' * 10**12
s = 'x' * 10 ** 12
