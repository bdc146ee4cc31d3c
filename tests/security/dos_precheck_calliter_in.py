# kind: dos
# expect: blocked
# desc: x in iter(int, 1) never finds x
5 in iter(int, 1)
