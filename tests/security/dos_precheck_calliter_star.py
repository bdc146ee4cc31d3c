# kind: dos
# expect: blocked
# desc: [*iter(int, 1)]
[*iter(int, 1)]
