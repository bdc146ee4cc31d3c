# kind: dos
# expect: blocked
# desc: list() and tuple() of a 100 MB string (800 MB of pointers)
s = 'x' * 10 ** 8
try:
    l = list(s)
except MemoryError:
    pass
t = tuple(s.encode())
