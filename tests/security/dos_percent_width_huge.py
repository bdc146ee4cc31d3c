# kind: dos
# expect: blocked
# desc: '%*d' % (10**10, 1)
s = '%*d' % (10 ** 10, 1)
