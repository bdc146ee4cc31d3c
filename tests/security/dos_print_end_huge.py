# kind: dos
# expect: blocked
# desc: print with a 100 MB end= string, repeated
e = 'y' * (100 * 1024 * 1024)
while True:
    print('', end=e)
