# kind: dos
# expect: blocked
# desc: bytes(10**10)
b = bytes(10 ** 10)
