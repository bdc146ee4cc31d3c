# a dataclass with defaults, repr and equality
from dataclasses import dataclass, field
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
a = Item('pen', 1.5)
b = Item('pen', 1.5)
[repr(a), a == b, a.tags is not b.tags, Item('x').price]
# ---
# dataclass ordering and frozen instances
from dataclasses import dataclass
@dataclass(order=True, frozen=True)
class V:
    major: int
    minor: int = 0
vs = sorted([V(2, 1), V(1, 5), V(2, 0)])
try:
    vs[0].major = 9
except AttributeError as e:
    err = type(e).__name__
[[(v.major, v.minor) for v in vs], err, hash(V(1)) == hash(V(1))]
# ---
# __post_init__ and field(init=False)
from dataclasses import dataclass, field
@dataclass
class Rect:
    w: int
    h: int
    area: int = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
Rect(3, 4).area
# ---
# asdict, astuple, replace, fields
from dataclasses import dataclass, asdict, astuple, replace, fields
@dataclass
class P:
    x: int
    y: int = 2
p = P(1)
[asdict(p), astuple(p), repr(replace(p, y=5)), [f.name for f in fields(P)]]
# ---
# missing dataclass argument: raises TypeError
from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int
P(1)
# ---
# dataclass inheritance adds fields after the base's
from dataclasses import dataclass
@dataclass
class Base:
    id: int
@dataclass
class User(Base):
    name: str = 'anon'
repr(User(7))
# ---
# mutable default is rejected: raises ValueError
from dataclasses import dataclass
@dataclass
class Bad:
    items: list = []
# ---
# typing names are usable in annotations
from typing import Optional, List, Dict, Any, Union, Tuple, Callable
def f(xs: List[int], m: Optional[Dict[str, Any]] = None) -> Tuple[int, Union[str, None]]:
    return (sum(xs), None if m is None else ','.join(m))
[f([1, 2]), f([3], {'a': 1, 'b': 2})]
# ---
# TYPE_CHECKING is False and cast returns its argument
import typing
from typing import cast, TYPE_CHECKING
[TYPE_CHECKING, typing.TYPE_CHECKING, cast(int, 'x')]
# ---
# NamedTuple classes
from typing import NamedTuple
class Point(NamedTuple):
    x: int
    y: int = 0
    def dist2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
[tuple(p), p.dist2(), p.x, tuple(Point(1)), repr(p._replace(y=0)), p._asdict(), repr(p), isinstance(p, tuple)]
# ---
# TypedDict classes build dicts
from typing import TypedDict
class Movie(TypedDict):
    title: str
    year: int
m = Movie(title='Up', year=2009)
[m, m['year']]
# ---
# a generic class with TypeVar
from typing import TypeVar, Generic, List
T = TypeVar('T')
class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack()
s.push(1)
s.push(2)
[s.pop(), s.items]
# ---
# importing an unknown module: raises ModuleNotFoundError
import no_such_module_anywhere
# ---
# importing a missing name raises ImportError
try:
    from typing import NoSuchName
except ImportError as e:
    r = str(e).split(' (')[0]
r
# ---
# import ... as and module attributes
import dataclasses as dc
import typing as t
[dc.is_dataclass(1), t.Optional[int] == t.Union[int, None]]
# ---
# from __future__ import annotations keeps annotations as strings
from __future__ import annotations
class Node:
    value: int
    next: Node | None = None
Node.__annotations__
# ---
# class annotations are recorded in order
class C:
    a: int
    b: str = 'x'
    c: float
list(C.__annotations__)
# ---
# math.pow and the builtins module
import math, builtins
[math.pow(2, 10), builtins.len('abc'), builtins.sum([1, 2])]
