# kind: dos
# expect: blocked
# desc: a sync host function called in a tight loop forever (host time is credited back to the deadline)
n = 0
while True:
    n += echo(1)
