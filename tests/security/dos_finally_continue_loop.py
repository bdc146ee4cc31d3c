# kind: dos
# expect: blocked
# desc: continue inside finally in an infinite loop (swallows every exception)
while True:
    try:
        raise ValueError
    finally:
        continue
