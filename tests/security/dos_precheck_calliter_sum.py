# kind: dos
# expect: blocked
# desc: sum(iter(int, 1))
sum(iter(int, 1))
