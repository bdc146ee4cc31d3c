# kind: dos
# expect: blocked
# desc: sorted(iter(int, 1))
sorted(iter(int, 1))
