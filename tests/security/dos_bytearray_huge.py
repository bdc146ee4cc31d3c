# kind: dos
# expect: blocked
# desc: bytearray(10**10)
b = bytearray(10 ** 10)
