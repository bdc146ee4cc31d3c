# kind: dos
# expect: blocked
# desc: max(iter(int, 1))
max(iter(int, 1))
