# kind: dos
# expect: blocked
# desc: an expensive tuple looked up in a set in a loop
t = (0,)
for _ in range(20):
    t = (t, t)
s = {t}
n = 0
while True:
    n += t in s
