# kind: dos
# expect: blocked
# desc: dict grows by one key per iteration forever
d = {}
i = 0
while True:
    d[i] = str(i)
    i += 1
