# dataclass options take the truth of plain values, as CPython's do
from dataclasses import dataclass, fields
opts = (1,)
@dataclass(eq=opts, order=[], frozen='')
class Row:
    name: str
    qty: int = 0
r = Row('a', 2)
r.qty = 5
[r == Row('a', 5), r.qty, [f.name for f in fields(Row)], repr(r)]
# ---
from dataclasses import dataclass
@dataclass(frozen=0.0, repr={})
class P:
    x: int
p = P(3)
p.x = 4
[p.x, 'P(' in repr(p)]
