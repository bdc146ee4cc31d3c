# kind: dos
# expect: blocked
# desc: list(range(10**9))
x = list(range(10 ** 9))
