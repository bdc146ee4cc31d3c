# kind: dos
# expect: blocked
# desc: a sandbox exception subclass (no __str__ of its own) with list DAG args, and a subclass of a list as its arg
class E(ValueError):
    pass
class L(list):
    pass
x = L([1])
for _ in range(60):
    x = L([x, x])
raise E(x, 3)
