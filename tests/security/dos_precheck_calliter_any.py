# kind: dos
# expect: blocked
# desc: any(iter(int, 1))
any(iter(int, 1))
