# kind: dos
# expect: blocked
# desc: an escaping exception whose args hold a 4*10**6-item list (within the memory limit): its repr would take seconds, the report says so instead
x = list(range(4 * 10 ** 6))
raise ValueError(x, 1)
