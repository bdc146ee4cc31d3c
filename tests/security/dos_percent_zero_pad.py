# kind: dos
# expect: blocked
# desc: '%0999999999d' % 1 and '%-*s' % (10**9, 'x')
a = '%0999999999d' % 1
b = '%-*s' % (10 ** 9, 'x')
