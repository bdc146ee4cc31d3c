# kind: dos
# expect: blocked
# desc: 'x'.join over a huge range of strings
s = ','.join(map(str, range(10 ** 9)))
