# kind: dos
# expect: blocked
# desc: 'x'.ljust(10**10)
s = 'x'.ljust(10 ** 10)
