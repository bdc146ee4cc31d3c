# kind: dos
# expect: blocked
# desc: list subclass repeated in place: x *= 10**9
class L(list):
    pass
x = L([1])
x *= 10 ** 9
