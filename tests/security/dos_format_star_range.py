# kind: dos
# expect: blocked
# desc: '{}'.format(*range(10**8)): star-args materialise a huge tuple
s = '{}'.format(*range(10 ** 8))
