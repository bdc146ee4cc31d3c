# kind: dos
# expect: blocked
# desc: str subclass repeated
class S(str):
    pass
S('ab') * 10 ** 9
