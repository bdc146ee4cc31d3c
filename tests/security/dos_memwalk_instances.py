# kind: dos
# expect: blocked
# desc: many small instances each holding a few attributes
class P:
    def __init__(self, x):
        self.x = x
        self.y = str(x)
ps = []
while True:
    ps.append(P(len(ps)))
