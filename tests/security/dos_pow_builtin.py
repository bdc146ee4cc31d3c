# kind: dos
# expect: blocked
# desc: pow(7, 10**9)
x = pow(7, 10 ** 9)
