# kind: dos
# expect: blocked
# desc: str of a 10**5 deep nested dict
d = {}
for _ in range(10 ** 5):
    d = {'a': d}
str(d)
