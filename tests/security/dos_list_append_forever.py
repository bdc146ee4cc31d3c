# kind: dos
# expect: blocked
# margin: 0.5
# rss-slack-mib: 320
# desc: append small objects forever (running estimate + live walk)
l = []
while True:
    l.append([len(l)])
