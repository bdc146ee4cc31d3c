# kind: dos
# expect: blocked
# desc: int('9' * 10**6)
int('9' * 10 ** 6)
