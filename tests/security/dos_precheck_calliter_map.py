# kind: dos
# expect: blocked
# desc: list(map(str, iter(int, 1)))
list(map(str, iter(int, 1)))
