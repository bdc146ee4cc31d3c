# kind: dos
# expect: blocked
# desc: a dataclass whose fields hold the previous instance twice, 40 levels: its generated __repr__ (host code) would print 2**40 fields
import dataclasses
@dataclasses.dataclass
class P:
    a: object
    b: object
p = P(0, 0)
for _ in range(40):
    p = P(p, p)
repr(p)
