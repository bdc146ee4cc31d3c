# kind: dos
# expect: blocked
# desc: list(zip(iter(int, 1), iter(int, 1)))
list(zip(iter(int, 1), iter(int, 1)))
