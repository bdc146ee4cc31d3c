# kind: dos
# expect: blocked
# desc: L.__eq__ on two list DAGs (2**60 native comparisons)
class L(list):
    pass
a = [1]
b = [1]
for _ in range(60):
    a = [a, a]
    b = [b, b]
L.__eq__(L(a), L(b))
