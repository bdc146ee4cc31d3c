# kind: dos
# expect: blocked
# desc: a limit that fires while already inside a finally block
try:
    pass
finally:
    n = 0
    while True:
        n += 1
