# kind: dos
# expect: blocked
# desc: f'{1.5:.999999999f}' and '%.*f' % (10**9, 1.0)
a = f'{1.5:.999999999f}'
b = '%.*f' % (10 ** 9, 1.0)
