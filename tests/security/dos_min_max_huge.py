# kind: dos
# expect: blocked
# desc: max over a huge range
max(range(10 ** 12)) + min(map(abs, range(10 ** 12)))
