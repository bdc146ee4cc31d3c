# kind: dos
# expect: blocked
# desc: bytes subclass repeated
class B(bytes):
    pass
B(b'ab') * 10 ** 9
