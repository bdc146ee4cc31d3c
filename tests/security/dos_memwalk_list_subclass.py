# kind: dos
# expect: blocked
# desc: data grown in a list subclass instance
class L(list):
    pass
l = L()
while True:
    l.append([len(l)] * 10000)
