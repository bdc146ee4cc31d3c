# kind: dos
# expect: blocked
# desc: sum(map(abs, range(10**12))): a native callback over a lazy iterator
sum(map(abs, range(10 ** 12)))
