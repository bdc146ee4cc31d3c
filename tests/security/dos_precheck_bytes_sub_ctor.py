# kind: dos
# expect: blocked
# desc: a bytes subclass built from a huge n
class B(bytes):
    pass
B(10 ** 9)
