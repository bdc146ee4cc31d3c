# kind: dos
# expect: blocked
# desc: str subclass whose __len__ and isascii lie to the size estimate of replace/join
class S(str):
    def __len__(self):
        return 1
    def isascii(self):
        return True
    def count(self, *a):
        return 0
s = S('ab' * 10000)
s.replace('a', 'x' * 100000)
