# kind: dos
# expect: blocked
# desc: print flood with every print wrapped in a broad except
s = 'w' * 4096
while True:
    try:
        print(s, s, s, sep='|', end='\n\n')
    except BaseException:
        pass
