# kind: dos
# expect: blocked
# desc: tuple subclass __hash__ on a tuple DAG
class T(tuple):
    pass
t = (1,)
for _ in range(60):
    t = (t, t)
T.__hash__(T(t))
