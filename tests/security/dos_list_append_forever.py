# kind: dos
# expect: blocked
# desc: append small objects forever (running estimate + live walk)
l = []
while True:
    l.append([len(l)])
