# kind: dos
# expect: blocked
# desc: list(iter(int, 1)): native code drains a never-ending callable iterator
list(iter(int, 1))
