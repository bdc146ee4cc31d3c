# kind: dos
# expect: blocked
# desc: a dict comprehension of 1 MB byte strings made by repetition
d = {i: b'x' * 10 ** 6 for i in range(1000)}
