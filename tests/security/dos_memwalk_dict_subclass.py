# kind: dos
# expect: blocked
# desc: data grown in a dict subclass instance
class D(dict):
    pass
d = D()
i = 0
while True:
    d[i] = [i] * 10000
    i += 1
