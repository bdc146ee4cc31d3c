# kind: dos
# expect: blocked
# desc: __mul__ returning NotImplemented falls back to list's C repeat
class L(list):
    def __mul__(self, n):
        return NotImplemented
L([1]) * 10 ** 9
