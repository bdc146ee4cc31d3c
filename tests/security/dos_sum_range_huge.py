# kind: dos
# expect: blocked
# desc: sum(range(10**12)) then sum of a float range walk
a = sum(range(10 ** 12))
b = sum(x * 0.5 for x in range(10 ** 12))
b
