# kind: dos
# expect: blocked
# desc: nested finally blocks, each looping forever
try:
    try:
        while True:
            pass
    finally:
        while True:
            pass
finally:
    while True:
        pass
