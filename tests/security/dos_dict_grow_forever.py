# kind: dos
# expect: blocked
# margin: 0.5
# rss-slack-mib: 320
# desc: dict grows by one key per iteration forever
d = {}
i = 0
while True:
    d[i] = str(i)
    i += 1
