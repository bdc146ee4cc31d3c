# kind: dos
# expect: blocked
# desc: print flood: millions of lines to the output
while True:
    print('x' * 1000)
