# kind: dos
# expect: blocked
# desc: '{:{}}'.format('x', 10**9) (automatic field numbering for the width)
s = '{:{}}'.format('x', 10 ** 9)
