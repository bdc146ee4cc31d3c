# kind: dos
# expect: blocked
# desc: str.translate mapping one char to 10 KB over a 1 MB string
s = 'a' * 10 ** 6
t = s.translate({97: 'b' * 10 ** 4})
len(t)
