# kind: dos
# expect: blocked
# desc: tuple(iter(int, 1))
tuple(iter(int, 1))
