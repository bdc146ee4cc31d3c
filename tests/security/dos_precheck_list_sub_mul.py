# kind: dos
# expect: blocked
# desc: list subclass repeated: L([1]) * 10**9 (8 GB)
class L(list):
    pass
L([1]) * 10 ** 9
