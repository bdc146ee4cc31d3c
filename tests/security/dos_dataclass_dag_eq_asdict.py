# kind: dos
# expect: blocked
# desc: two equal dataclass DAGs compared by the generated __eq__, then asdict of one (both host code walking 2**40 nodes)
import dataclasses
@dataclasses.dataclass(order=True)
class P:
    a: object
    b: object
def build():
    p = P([0], [0])
    for _ in range(40):
        p = P(p, [p])
    return p
x, y = build(), build()
try:
    x == y
except BaseException:
    pass
dataclasses.asdict(x)
