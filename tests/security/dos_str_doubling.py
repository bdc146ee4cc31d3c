# kind: dos
# expect: blocked
# desc: s = s + s doubling loop
s = 'abc'
while True:
    s = s + s
