# kind: dos
# expect: blocked
# desc: while 1: pass at module level
while 1:
    pass
