# kind: dos
# expect: blocked
# desc: repr of self-referential containers, in a loop
l = []
l.append(l)
d = {}
d['d'] = d
while True:
    repr(l) + repr(d)
