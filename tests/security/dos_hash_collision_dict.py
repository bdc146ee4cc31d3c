# kind: dos
# expect: blocked
# desc: dict of sandbox objects whose __hash__ is 0: O(n^2) sandbox __eq__ calls
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, o):
        return self is o
d = {}
i = 0
while True:
    d[K(i)] = i
    i += 1
