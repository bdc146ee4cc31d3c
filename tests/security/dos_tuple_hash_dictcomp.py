# kind: dos
# expect: blocked
# desc: a dict comprehension hashing an expensive tuple each iteration
t = (0,)
for _ in range(20):
    t = (t, t)
{t: 1 for _ in range(1000)}
