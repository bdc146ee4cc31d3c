# TypedDict total=False, Required/NotRequired, inheritance
from typing import TypedDict, Required, NotRequired
class M(TypedDict, total=False):
    a: int
    b: str
class N(M):
    c: float
class R(TypedDict):
    x: int
    y: NotRequired[int]
class S(TypedDict, total=False):
    z: Required[int]
m = M(a=1)
[m, isinstance(m, dict), sorted(M.__optional_keys__), M.__total__,
 sorted(M.__required_keys__), sorted(N.__required_keys__), sorted(N.__optional_keys__),
 N.__total__, sorted(N.__annotations__), sorted(R.__required_keys__),
 sorted(R.__optional_keys__), sorted(S.__required_keys__), N(a=1, c=2.0)]
# ---
# function annotations and get_type_hints of a function
import typing
def f(x: int, *args: str, y: 'list' = None, **kw: float) -> dict:
    pass
def g(a, b=1):
    pass
[sorted((k, v if isinstance(v, str) else v.__name__) for k, v in f.__annotations__.items()),
 g.__annotations__,
 sorted((k, v.__name__) for k, v in typing.get_type_hints(f).items()),
 typing.get_type_hints(g)]
# ---
# annotations that are typing constructs, set and replaced
from typing import Optional, List
def h(x: Optional[int], y: List[str]) -> 'int':
    return 1
r = [repr(h.__annotations__['x']), repr(h.__annotations__['y']), h.__annotations__['return']]
h.__annotations__ = {'z': int}
r.append(list(h.__annotations__))
try:
    h.__annotations__ = 5
except TypeError as e:
    r.append(str(e))
r
# ---
# annotations of methods and nested functions use the enclosing scope
def outer():
    T = int
    def inner(x: T) -> T:
        return x
    class C:
        def m(self, y: T):
            pass
    return [inner.__annotations__['x'].__name__, C.m.__annotations__['y'].__name__]
outer()
# ---
# from __future__ import annotations keeps them as strings
from __future__ import annotations
def f(x: Undefined, y: list[int]) -> None:
    pass
f.__annotations__
# ---
# function __dict__, __doc__ and __module__ assignment
def wrapper():
    wrapper.calls += 1
wrapper.calls = 0
wrapper(); wrapper()
wrapper.__doc__ = 'counts'
r = [wrapper.calls, wrapper.__doc__, wrapper.__dict__['calls'], sorted(k for k in wrapper.__dict__ if not k.startswith('__'))]
wrapper.__dict__['extra'] = 1
r.append(wrapper.extra)
r
# ---
# functools.wraps copies __doc__ and __annotations__, sets __wrapped__
import functools
def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def g(x: int) -> int:
    'doc'
    return x
[g.__name__, g.__doc__, g.__wrapped__(3), g.__wrapped__.__name__, g.__qualname__,
 sorted(g.__annotations__), functools.WRAPPER_ASSIGNMENTS]
# ---
# singledispatch.register with annotations
import functools
@functools.singledispatch
def f(x):
    return 'obj'
@f.register
def _(x: int):
    return 'int'
@f.register
def _(x: list):
    return 'list'
@f.register
def _(x: float | str):
    return 'float or str'
@f.register(bytes)
def _(x):
    return 'bytes'
r = [f(1), f([]), f('a'), f(1.5), f(True), f(b''), f(None)]
try:
    @f.register
    def _(x):
        return 0
except TypeError as e:
    r.append(str(e).split(':')[0])
try:
    @f.register
    def _(x: 3):
        return 0
except TypeError as e:
    r.append(str(e))
r
# ---
# copy of bound methods and partial objects
import copy, functools
class A:
    def f(self):
        return self.x
a = A(); a.x = 1
m = copy.copy(a.f)
d = copy.deepcopy(a.f)
a.x = 2
p = functools.partial(max, 1, key=abs)
q = copy.copy(p)
r2 = copy.deepcopy(functools.partial(sorted, [3, 1]))
[m(), d(), m.__self__ is a, d.__self__ is a, q(-5), r2(), q.args, sorted(q.keywords),
 q is p, type(q).__name__]
# ---
# linear_regression's fields
import statistics
r = statistics.linear_regression([1, 2, 3], [2, 4, 7])
[round(r.slope, 10), round(r.intercept, 10), r._fields]
# ---
# functools.singledispatchmethod with annotations and explicit classes
import functools
class Fmt:
    def __init__(self, tag):
        self.tag = tag
    @functools.singledispatchmethod
    def show(self, x):
        return f'{self.tag}:obj'
    @show.register
    def _(self, x: int):
        return f'{self.tag}:int {x}'
    @show.register(list)
    def _(self, x):
        return f'{self.tag}:list {len(x)}'
f = Fmt('t')
[f.show(1), f.show([1, 2]), f.show('s'), Fmt('u').show(True), f.show.__name__]
