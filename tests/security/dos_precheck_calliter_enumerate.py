# kind: dos
# expect: blocked
# desc: dict(enumerate(iter(int, 1)))
dict(enumerate(iter(int, 1)))
