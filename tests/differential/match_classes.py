# class patterns against sandbox classes: __match_args__, keywords, inheritance, errors
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y at {y}"
        case Point(x, 0):
            return f"on x at {x}"
        case Point(x=x, y=y) if x == y:
            return "diagonal"
        case Point():
            return "elsewhere"
        case _:
            return "not a point"
[where(Point(0, 0)), where(Point(0, 5)), where(Point(3, 0)), where(Point(2, 2)), where(Point(1, 2)), where((0, 0))]
# ---
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
match Point(1, 2):
    case Point(a, b, c):
        pass
# ---
class NoArgs:
    def __init__(self):
        self.v = 1
match NoArgs():
    case NoArgs(v):
        pass
# ---
class One:
    __match_args__ = ("v",)
    def __init__(self):
        self.v = 1
match One():
    case One(a, b):
        pass
# ---
class Bad:
    __match_args__ = ["x"]
    x = 1
match Bad():
    case Bad(x):
        pass
# ---
class Bad:
    __match_args__ = (1,)
match Bad():
    case Bad(x):
        pass
# ---
class P:
    __match_args__ = ("x",)
    def __init__(self):
        self.x = 1
match P():
    case P(a, x=b):
        pass
# ---
class P:
    __match_args__ = ("missing",)
match P():
    case P(v):
        r = v
    case _:
        r = "attribute missing: no match"
r
# ---
class Shape:
    pass
class Circle(Shape):
    __match_args__ = ("r",)
    def __init__(self, r):
        self.r = r
class Rect(Shape):
    __match_args__ = ("w", "h")
    def __init__(self, w, h):
        self.w, self.h = w, h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
def area(s):
    match s:
        case Circle(r):
            return 3 * r * r
        case Square(w):
            return ("square", w * w)
        case Rect(w, h):
            return w * h
        case Shape():
            return "unknown shape"
[area(Circle(2)), area(Rect(2, 3)), area(Square(4)), area(Shape())]
# ---
class Temp:
    __match_args__ = ("celsius",)
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
match Temp(100):
    case Temp(c, fahrenheit=f):
        r = (c, f)
r
# ---
class MyInt(int):
    pass
match MyInt(5):
    case int(v):
        r = ("int", type(v).__name__, v + 1)
r
# ---
class MyList(list):
    pass
def f(x):
    match x:
        case [a, b]:
            return ("sequence", a, b)
        case MyList():
            return "mylist"
[f(MyList([1, 2])), f(MyList([1])), f([3, 4])]
# ---
class MyDict(dict):
    pass
match MyDict(a=1, b=2):
    case {"a": 1, **rest}:
        r = rest
r
# ---
class Node:
    __match_args__ = ("value", "children")
    def __init__(self, value, children=()):
        self.value, self.children = value, list(children)
def total(n):
    match n:
        case Node(v, []):
            return v
        case Node(v, [*kids]):
            return v + sum(total(k) for k in kids)
total(Node(1, [Node(2), Node(3, [Node(4)])]))
# ---
class Add:
    __match_args__ = ("left", "right")
    def __init__(self, left, right):
        self.left, self.right = left, right
class Mul:
    __match_args__ = ("left", "right")
    def __init__(self, left, right):
        self.left, self.right = left, right
class Num:
    __match_args__ = ("v",)
    def __init__(self, v):
        self.v = v
def ev(e):
    match e:
        case Num(v):
            return v
        case Add(Num(0), x) | Add(x, Num(0)):
            return ev(x)
        case Add(a, b):
            return ev(a) + ev(b)
        case Mul(a, b):
            return ev(a) * ev(b)
        case _:
            raise ValueError(f"bad expression {e!r}")
[ev(Add(Num(0), Num(5))), ev(Mul(Add(Num(1), Num(2)), Num(4))), ev(Add(Num(7), Num(0)))]
# ---
class AppError(Exception):
    __match_args__ = ("code",)
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
def handle(e):
    match e:
        case AppError(404):
            return "not found"
        case AppError(code) if code >= 500:
            return f"server error {code}"
        case AppError(args=(msg,)):
            return f"other: {msg}"
out = []
for exc in [AppError(404, "nf"), AppError(503, "down"), AppError(400, "bad")]:
    try:
        raise exc
    except AppError as e:
        out.append(handle(e))
out
# ---
class Color:
    RED = "red"
    GREEN = "green"
def name(c):
    match c:
        case Color.RED:
            return "stop"
        case Color.GREEN:
            return "go"
        case _:
            return "unknown"
[name("red"), name("green"), name("blue")]
# ---
class Config:
    DEFAULT_KEY = "mode"
match {"mode": "fast", "x": 1}:
    case {Config.DEFAULT_KEY: m, **others}:
        r = (m, others)
r
# ---
class Obj:
    pass
o = Obj()
o.kind = "a"
match o:
    case Obj(kind="b"):
        r = "b"
    case Obj(kind="a" as k):
        r = "kind " + k
r
# ---
class CM:
    def __enter__(self):
        return {"status": "ok", "items": [1, 2]}
    def __exit__(self, *exc):
        return False
with CM() as resp:
    match resp:
        case {"status": "ok", "items": [first, *_]}:
            r = first
r
# ---
from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int = 0
match P(1, 2):
    case P(a, b):
        r = (a, b)
r
# ---
from dataclasses import dataclass, field
@dataclass(frozen=True)
class Item:
    name: str
    tags: list = field(default_factory=list)
def f(i):
    match i:
        case Item("x", [first, *_]):
            return first
        case Item(name=n):
            return n
[f(Item("x", ["t"])), f(Item("y"))]
# ---
from typing import NamedTuple
class Pt(NamedTuple):
    x: int
    y: int
def f(p):
    match p:
        case Pt(0, y):
            return ("y-axis", y)
        case (a, b):
            return ("tuple-like", a, b)
[f(Pt(0, 3)), f(Pt(1, 2)), f((5, 6))]
# ---
from dataclasses import dataclass
@dataclass
class A:
    x: int
P = A
match A(1):
    case A(a, b):
        pass
# ---
from dataclasses import dataclass
@dataclass
class A:
    x: int
A.__match_args__
