# kind: dos
# expect: blocked
# desc: 'ab' * 10**8 then .replace multiplying size
s = 'ab' * 10 ** 8
t = s.replace('a', 'aaaa')
len(t)
