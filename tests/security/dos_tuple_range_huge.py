# kind: dos
# expect: blocked
# desc: tuple(range(10**10))
x = tuple(range(10 ** 10))
