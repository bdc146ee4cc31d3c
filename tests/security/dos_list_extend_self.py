# kind: dos
# expect: blocked
# desc: l.extend(l) doubling forever
l = [0]
while True:
    l.extend(l)
