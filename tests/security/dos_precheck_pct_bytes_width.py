# kind: dos
# expect: blocked
# desc: bytes %-format with a huge * width
b'%*d' % (10 ** 9, 1)
