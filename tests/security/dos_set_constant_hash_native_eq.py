# kind: dos
# expect: blocked
# desc: set of int subclass instances with constant hash (eq runs in C)
class H(int):
    def __hash__(self):
        return 1
s = set()
i = 0
while True:
    s.add(H(i))
    i += 1
