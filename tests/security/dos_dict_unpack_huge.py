# kind: dos
# expect: blocked
# desc: {**d} of a growing dict built from a comprehension
d = {i: i for i in range(10 ** 8)}
e = {**d, **d}
