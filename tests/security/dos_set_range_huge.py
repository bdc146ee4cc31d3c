# kind: dos
# expect: blocked
# desc: set(range(10**9))
x = set(range(10 ** 9))
