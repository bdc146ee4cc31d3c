# kind: dos
# expect: blocked
# desc: a list subclass result whose __iter__ never ends (converted outside the run's limits before)
class L(list):
    def __iter__(self):
        while True:
            yield 1
L([1, 2])
