# kind: dos
# expect: blocked
# desc: tuple.__new__(T, range(10**10)) through a subclass
class T(tuple):
    pass
T.__new__(T, range(10 ** 10))
