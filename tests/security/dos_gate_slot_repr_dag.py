# kind: dos
# expect: blocked
# desc: list subclass __repr__ on a list DAG
class L(list):
    pass
a = [1]
for _ in range(40):
    a = [a, a]
L(a).__repr__()
