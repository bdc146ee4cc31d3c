# kind: dos
# expect: blocked
# desc: s *= 2 and b *= 3 in a loop
s = 'ab'
b = b'cd'
while True:
    s *= 2
    b *= 3
