# kind: dos
# expect: blocked
# desc: bytearray(iter(int, 1))
bytearray(iter(int, 1))
