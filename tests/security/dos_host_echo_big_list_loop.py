# kind: dos
# expect: blocked
# desc: a million-item list sent to a host function and back, over and over (boundary copies both ways)
l = list(range(10 ** 6))
while True:
    l2 = echo(l)
