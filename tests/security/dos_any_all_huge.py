# kind: dos
# expect: blocked
# desc: any() over a huge lazy iterable that never matches
any(x < 0 for x in range(10 ** 12))
