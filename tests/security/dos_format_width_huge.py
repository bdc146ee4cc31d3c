# kind: dos
# expect: blocked
# desc: '{:>{w}}'.format with a huge width
s = '{:>{w}}'.format('x', w=10 ** 10)
