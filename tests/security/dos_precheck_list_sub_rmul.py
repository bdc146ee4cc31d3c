# kind: dos
# expect: blocked
# desc: list subclass as the right operand: 10**9 * L([1])
class L(list):
    pass
10 ** 9 * L([1])
