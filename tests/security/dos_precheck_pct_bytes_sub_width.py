# kind: dos
# expect: blocked
# desc: bytes subclass %-format with a huge width
class B(bytes):
    pass
B(b'%*d') % (10 ** 9, 1)
