# kind: dos
# expect: blocked
# desc: data grown in a set subclass instance
class S(set):
    pass
s = S()
i = 0
while True:
    s.add(str(i) * 10000)
    i += 1
