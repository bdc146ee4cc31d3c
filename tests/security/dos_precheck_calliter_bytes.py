# kind: dos
# expect: blocked
# desc: bytes(iter(int, 1))
bytes(iter(int, 1))
