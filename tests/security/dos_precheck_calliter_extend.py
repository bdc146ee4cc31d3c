# kind: dos
# expect: blocked
# desc: list.extend(iter(int, 1))
x = []
x.extend(iter(int, 1))
