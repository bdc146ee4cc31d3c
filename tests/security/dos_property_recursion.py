# kind: dos
# expect: blocked
# desc: a property whose getter reads itself, caught in a loop
class A:
    @property
    def p(self):
        return self.p
while True:
    try:
        A().p
    except RecursionError:
        pass
