# kind: dos
# expect: blocked
# desc: bare except: around an infinite loop
while True:
    try:
        while True:
            pass
    except:
        pass
