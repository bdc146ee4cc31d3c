"""Host calls inside more constructs CPython runs from its own C code: class creation
(`__set_name__`, `__init_subclass__`), sorts and heaps of sandbox objects, `cmp_to_key`,
`bisect` keys, sandbox iterables consumed by builtins and by unpacking, `str.format` field
lookups, `__index__` conversions. Each program gives CPython's value, output and host-call log
under run() and under start() with dump/load at every and every second pause (some through
a fresh process too)."""

import asyncio

import pytest

import monty
from pausing import IMPLS, assert_pauses_like_cpython, cpython_run, paused_run

PROGRAMS = {
    "init_subclass": """
class Plugin:
    registry = []
    def __init_subclass__(cls, /, kind="plain", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = get(kind)
        Plugin.registry.append(cls.__name__)
class A(Plugin):
    pass
class B(Plugin, kind="fancy"):
    pass
class C(B):
    pass
try:
    class D(Plugin, colour=1):
        pass
except TypeError as e:
    err = str(e)
(A.kind, B.kind, C.kind, Plugin.registry, err, [k.__name__ for k in C.__mro__])
""",
    "init_subclass_chain_and_error": """
class Base:
    def __init_subclass__(cls, **kw):
        note("base", cls.__name__)
        cls.tags = [get(cls.__name__)]
class Mid(Base):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.tags.append(get("mid"))
class Leaf(Mid):
    pass
class Strict:
    def __init_subclass__(cls):
        if get(cls.__name__) == "Bad!":
            raise ValueError("no " + cls.__name__)
try:
    class Bad(Strict):
        pass
except ValueError as e:
    err = str(e)
(Mid.tags, Leaf.tags, err, Base.__dict__['__init_subclass__'].__class__.__name__)
""",
    "set_name": """
class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = get(name)
    def __get__(self, obj, cls=None):
        return self if obj is None else obj.__dict__.get(self.name, 0)
class Other:
    def __set_name__(self, owner, name):
        note("other", name)
class Model:
    b = Field()
    a = Field()
    o = Other()
    plain = 1
class Broken:
    def __set_name__(self, owner, name):
        raise KeyError(get(name))
try:
    class M2:
        x = Broken()
except RuntimeError as e:
    err = (str(e), type(e.__cause__).__name__)
(Model.a.name, Model.b.name, Model.a.owner, [k for k in vars(Model) if not k.startswith('__')], err)
""",
    "set_name_and_init_subclass_order": """
class D:
    def __set_name__(self, owner, name):
        note("set_name", name, owner.__name__)
class Base:
    def __init_subclass__(cls, **kw):
        note("init_subclass", cls.__name__, sorted(kw))
class C(Base, flag=get(1)):
    x = D()
    y = D()
C.__name__
""",
    "cmp_to_key_sorts": """
import functools
def cmp(a, b):
    note(a, b)
    return (a > b) - (a < b)
K = functools.cmp_to_key(cmp)
xs = [5, 2, 8, 2, 9, 1, 7, 7, 3]
r = [sorted(xs, key=K), sorted(xs, key=K, reverse=True), sorted([4, 3, 2, 1], key=K)]
ys = ["bb", "a", "ccc"]
ys.sort(key=functools.cmp_to_key(lambda a, b: get(len(a)) - get(len(b))))
r.append(ys)
r
""",
    "sort_sandbox_objects_with_lt": """
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        note(self.v, o.v)
        return self.v < o.v
    def __repr__(self): return f"V{self.v}"
xs = [V(3), V(1), V(4), V(1), V(5), V(9), V(2), V(6)]
a = sorted(xs)
b = sorted(xs, reverse=True)
xs.sort(key=lambda v: V(-v.v))
c = sorted((V(2), V(1)))
class Bad:
    def __lt__(self, o):
        raise KeyError(get("lt"))
try:
    sorted([Bad(), Bad(), Bad()])
except KeyError as e:
    err = repr(e)
repr((a, b, xs, c, err))
""",
    "heapq_sandbox_items": """
import heapq
class T:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        note(self.v, o.v)
        return get(self.v) < o.v
h = [T(v) for v in [5, 3, 8, 1, 9, 2]]
heapq.heapify(h)
heapq.heappush(h, T(0))
r = [heapq.heappop(h).v, heapq.heapreplace(h, T(4)).v, heapq.heappushpop(h, T(7)).v,
     heapq.heappushpop(h, T(-1)).v]
r.append([x.v for x in h])
while h:
    r.append(heapq.heappop(h).v)
try:
    heapq.heappop([])
except IndexError as e:
    r.append(str(e))
r
""",
    "bisect_key_and_objects": """
import bisect
xs = [1, 3, 5, 7, 9]
k = lambda v: get(v)
r = [bisect.bisect_left(xs, 50, key=k), bisect.bisect_right(xs, 50, key=k),
     bisect.bisect(xs, 30, 1, 4, key=k), bisect.bisect_left(xs, 10, hi=-1, key=k)]
bisect.insort(xs, 4, key=k)
bisect.insort_left(xs, 5, key=k)
class P:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        note(self.v, o)
        return self.v < o
r.append(bisect.bisect_right([1, 2, 3, 4], P(2)))
try:
    bisect.bisect_left(xs, 1, -1, key=k)
except ValueError as e:
    r.append(str(e))
r.append(xs)
r
""",
    "iterables_consumed_by_builtins": """
class Counter:
    def __init__(self, n): self.n, self.i = n, 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > self.n:
            raise StopIteration
        return get(self.i)
class Gen:
    def __iter__(self):
        yield get("a")
        yield get("b")
class Pairs:
    def __iter__(self):
        yield (get("k"), 1)
        yield ("j", get(2))
(list(Counter(3)), tuple(Counter(2)), sorted(set(Counter(3))), frozenset(Gen()) == {"a!", "b!"},
 sorted(Counter(3), reverse=True), dict(Pairs()), dict(Pairs(), z=0), list(zip(Gen(), Counter(2))),
 list(enumerate(Gen(), 1)), "-".join(Gen()))
""",
    "dict_of_mapping_object": """
class M:
    def keys(self):
        note("keys")
        return ["a", get("b")]
    def __getitem__(self, k):
        return get(k)
(dict(M()), dict(M(), z=1))
""",
    "unpacking_generators": """
def g(n):
    for i in range(n):
        yield get(i)
a, b = g(2)
first, *rest = g(4)
*init, last = g(3)
class It:
    def __iter__(self):
        yield get("x")
        yield get("y")
        yield get("z")
p, q, r = It()
s, *t = It()
try:
    u, v = g(5)
except ValueError as e:
    err = str(e)
try:
    u, v, w = g(1)
except ValueError as e:
    err2 = str(e)
(a, b, first, rest, init, last, p, q, r, s, t, err, err2)
""",
    "format_field_lookups": """
class O:
    def __init__(self, n): self.n = n
    @property
    def attr(self): return get(self.n)
    def __getitem__(self, k): return get(k)
    def __format__(self, spec): return "O" + str(get(spec or "-"))
class Desc:
    def __get__(self, obj, cls=None):
        return get("d") if obj is not None else self
class H:
    d = Desc()
(
 "{0.attr} {1[k]} {x.attr!r} {y[0].attr:>6} {} {}".format(O(1), O(2), x=O(3), y=[O(4)]),
 "{0:>{1.attr}}|{z}".format("ab", O(0), z=O(5)),
 "{h.d}".format(h=H()),
 "{0[3]!s:^9}".format(O(7)),
 "{a}-{b.attr}".format_map({"a": O(8), "b": O(9)}),
)
""",
    "format_map_missing_and_errors": """
class M(dict):
    def __missing__(self, k):
        return get(k)
class O:
    @property
    def attr(self): return get("attr")
out = ["{a} {b} {c}".format_map(M(a=1))]
for fmt, args in [("{0.nope}", (O(),)), ("{} {0}", (O(), 1)), ("{0.attr", (O(),)),
                  ("{0.attr!x}", (O(),)), ("{5.attr}", (O(),))]:
    try:
        out.append(fmt.format(*args))
    except (AttributeError, ValueError, IndexError) as e:
        out.append((type(e).__name__, str(e)))
out
""",
    "index_conversions": """
class I:
    def __init__(self, n): self.n = n
    def __index__(self): return get(self.n) // 10
class Bad:
    def __index__(self): return get("s")
r = [hex(I(10)), oct(I(80)), bin(I(50)), chr(I(650)), list(range(I(30))),
     list(range(I(10), I(70), I(20))), "%c|%x|%o" % (I(660), I(250), I(90))]
for f in (hex, chr, range):
    try:
        f(Bad())
    except TypeError as e:
        r.append(str(e))
try:
    "%c" % Bad()
except TypeError as e:
    r.append(str(e))
r
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_construct_pauses_like_cpython(name):
    assert_pauses_like_cpython(PROGRAMS[name])


@pytest.mark.parametrize("name", ["init_subclass", "set_name", "heapq_sandbox_items",
                                  "unpacking_generators", "format_field_lookups"])
def test_construct_pauses_through_a_fresh_process(name):
    assert_pauses_like_cpython(PROGRAMS[name], subprocess_steps=True)


def test_classes_with_init_subclass_survive_a_snapshot():
    """A class whose base defines __init_subclass__ is kept by a snapshot (what the hook did is
    in its namespace) and loaded without running the hook again; subclasses made after the
    load run it."""
    code = """
class Base:
    made = []
    def __init_subclass__(cls, **kw):
        Base.made.append(get(cls.__name__))
class A(Base):
    pass
x = get(1)
class B(A):
    pass
(Base.made, A.__mro__[1].__name__, issubclass(B, Base))
"""
    expected = cpython_run(code)
    assert expected[0] == ("ok", (["A!", "B!"], "Base", True))
    for fresh in (False, True):
        assert paused_run(code, subprocess_steps=fresh) == expected


def test_large_sorts_of_sandbox_objects_stay_native():
    """The loop runs CPython's sort itself for fewer than 64 items; a longer sort of objects
    whose __lt__ calls the host is the nested loop's (its host call cannot pause)."""
    code = """
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        note(self.v)
        return self.v < o.v
[v.v for v in sorted([V(i % 7) for i in range(N)])]
"""
    small = code.replace("N", "63")
    assert paused_run(small) == cpython_run(small)
    value, calls, _ = paused_run(code.replace("N", "64"))
    assert value[0] == "error" and value[1] == "RuntimeError" and "cannot be paused" in value[2]


ASYNC_PROGRAMS = {
    "class_hooks_and_sorts_in_tasks": """
import asyncio, functools
class Base:
    def __init_subclass__(cls, **kw):
        cls.tag = get(cls.__name__)
async def work(n):
    class Sub(Base):
        pass
    keys = sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: get(a) - b))
    return (Sub.tag, keys, await fetch(n))
r = await asyncio.gather(work(1), work(2))
r
""",
}


@pytest.mark.parametrize("name", sorted(ASYNC_PROGRAMS))
def test_construct_under_run_async(name):
    from test_pause_constructs import _async_expected
    code = ASYNC_PROGRAMS[name]
    expected, expected_calls = _async_expected(code)

    async def fetch(x):
        await asyncio.sleep(0)
        return x + 100
    fns = {"get": None, "fetch": fetch}
    step = monty.Sandbox(functions=fns).start(code)
    seen = []
    while isinstance(step, (monty.Call, monty.Pending)):
        step = monty.load(step.dump(), functions=fns)
        if isinstance(step, monty.Pending):
            results = {}
            for c in step.calls:
                seen.append((c.function_name,) + tuple(c.args))
                results[c.call_id] = c.args[0] + 100
            step = step.resume(results=results)
        else:
            seen.append((step.function_name,) + tuple(step.args))
            step = step.resume(IMPLS[step.function_name](*step.args))
    assert step.value == expected
    assert sorted(seen, key=repr) == sorted(expected_calls, key=repr)
