# kind: dos
# expect: blocked
# desc: round(12345, -10**9): CPython computes 10**(10**9) for the rounding
round(12345, -10 ** 9)
