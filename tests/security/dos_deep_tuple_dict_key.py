# kind: dos
# expect: blocked
# desc: a 10**6 deep nested tuple used as a dict key
t = ()
for _ in range(10 ** 6):
    t = (t,)
d = {t: 1}
