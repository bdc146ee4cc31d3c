"""Host calls inside constructs CPython runs from its own C or generated code: dataclass
`__post_init__` and `default_factory`, `__new__`... Each program gives CPython's value,
output and host-call log under run() and under start() with dump/load at every and every
second pause (and through a fresh process)."""

import asyncio

import pytest

import monty
from pausing import IMPLS, assert_pauses_like_cpython, cpython_run

PROGRAMS = {
    "dataclass_post_init": """
from dataclasses import dataclass, field
@dataclass
class P:
    x: int
    y: int = 2
    def __post_init__(self):
        self.total = get(self.x) + get(self.y)
p = P(1)
q = P(3, y=4)
repr((p, p.total, q.total, P.__init__.__qualname__, P.__doc__))
""",
    "dataclass_default_factory": """
from dataclasses import dataclass, field
calls = []
def make():
    calls.append(1)
    return [get(len(calls))]
@dataclass
class C:
    a: int
    items: list = field(default_factory=make)
    hidden: list = field(default_factory=lambda: get("h"), init=False, repr=False)
c1 = C(1)
c2 = C(2, [5])
repr((c1, c2, c1.hidden, c2.hidden, c1 == C(1, c1.items)))
""",
    "dataclass_initvar_kw_only_frozen": """
from dataclasses import dataclass, field, InitVar, KW_ONLY, FrozenInstanceError
@dataclass(frozen=True)
class F:
    a: int
    scale: InitVar[int] = 1
    _: KW_ONLY
    tags: tuple = field(default_factory=lambda: (get("t"),))
    def __post_init__(self, scale):
        object.__setattr__(self, "a", self.a * get(scale))
f = F(2, 3)
g = F(1, tags=("x",))
try:
    f.a = 0
except FrozenInstanceError as e:
    err = type(e).__name__
repr((f, g, err, hash(f) == hash(F(2, 3))))
""",
    "dataclass_inherited_and_errors": """
from dataclasses import dataclass, field
@dataclass
class Base:
    x: int
    log: list = field(default_factory=list)
    def __post_init__(self):
        self.log.append(get(self.x))
@dataclass
class Child(Base):
    y: str = "y"
    def __post_init__(self):
        super().__post_init__()
        self.log.append(get(self.y))
class Plain(Base):
    pass
r = [Child(1), Child(2, [0], "z"), Plain(5)]
errors = []
for args, kwargs in [((), {}), ((1, 2, 3, 4), {}), ((1,), {"z": 1}), ((1,), {"x": 2})]:
    try:
        Child(*args, **kwargs)
    except TypeError as e:
        errors.append(str(e))
repr((r, errors))
""",
    "dataclass_post_init_error": """
from dataclasses import dataclass
@dataclass
class V:
    n: int
    def __post_init__(self):
        if get(self.n) > 20:
            raise ValueError("too big")
out = []
for n in (1, 3):
    try:
        out.append(V(n))
    except ValueError as e:
        out.append(str(e))
repr(out)
""",
    "new_then_init": """
class Node:
    count = 0
    def __new__(cls, value):
        note("new", value)
        self = super().__new__(cls)
        self.value = get(value)
        return self
    def __init__(self, value):
        self.doubled = get(value) * 2
n = Node(3)
(n.value, n.doubled)
""",
    "new_returns_other_and_singleton": """
class Single:
    _inst = None
    def __new__(cls, *args, **kwargs):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.made = get("made")
        return cls._inst
    def __init__(self, tag=None):
        self.tag = get(tag) if tag else None
class Other:
    def __new__(cls, x):
        return get(x)
    def __init__(self, x):
        note("never")
a = Single("a")
b = Single()
(a is b, a.tag, a.made, Other(4), Other("s"))
""",
    "new_on_subclasses": """
class Base:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.kind = get(cls.__name__)
        return obj
class A(Base):
    def __init__(self, x):
        self.x = get(x)
class B(Base):
    pass
class Word(str):
    def __new__(cls, text):
        return super().__new__(cls, get(text))
a, b, w = A(1), B(), Word("hi")
errors = []
try:
    Base(1, 2)
except TypeError as e:
    errors.append(str(e))
try:
    B(1)
except TypeError as e:
    errors.append(str(e))
class BadInit:
    def __new__(cls):
        return super().__new__(cls)
    def __init__(self):
        return get(1)
try:
    BadInit()
except TypeError as e:
    errors.append(str(e))
(a.kind, a.x, b.kind, w, type(w).__name__, w.upper(), errors)
""",
    "container_repr_str_print_fstring": """
class Item:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Item({get(self.n)})"
items = [Item(1), Item(2)]
d = {"a": Item(3), Item(4) if False else "b": (Item(5),)}
nested = [items, (), {}, set(), {"k": [Item(6)]}]
nested.append(nested)
t = (Item(7),)
print(items)
print("x", d, sep="|")
r = [repr(items), str(t), repr(d), str(nested), f"{items}", f"{t!r}", f"{d!s}", ascii([Item(8)]),
     frozenset(), repr(frozenset([1]))]
r
""",
    "container_repr_recursion_through_repr": """
class Node:
    def __init__(self, name):
        self.name = name
        self.kids = []
    def __repr__(self):
        return f"Node({get(self.name)}, {self.kids!r})"
a = Node("a")
b = Node("b")
a.kids.append(b)
b.kids.append(a)
b.kids.append([a])
[repr([a]), str({1: b})]
""",
    "ascii_of_objects": """
class U:
    def __repr__(self):
        return get("caf\u00e9 \u2603")
class S:
    def __repr__(self):
        return get(1)
r = [ascii(U()), ascii([U(), "\u00e9"]), f"{[U()]!a}"]
try:
    ascii(S())
except TypeError as e:
    r.append(str(e))
r
""",
    "percent_format": """
class P:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return get("s%d" % self.v)
    def __repr__(self):
        return f"P<{get(self.v)}>"
class N:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return get(self.v)
class I:
    def __int__(self):
        return get(4)
    def __float__(self):
        return float(get(5))
r = ["%s" % P(1), "%r and %s" % (P(2), P(3)), "%-8s|%5r|" % (P(4), P(5)),
     "%(a)s %(a)r %(b)d" % {"a": P(6), "b": 3}, "%d %i %x %o %X" % (N(1), I(), N(2), N(3), N(4)),
     "%.2f %e %g" % (I(), N(1), I()), "%*d|%-*.*s" % (4, N(1), 6, 2, P(7)), "%a" % P(8),
     "%s %%" % [P(9)], "%5.1f%%" % I()]
errors = []
for fmt, args in [("%s %s", (P(1),)), ("%s", (P(1), 2)), ("%(a)s", P(1)), ("%d", P(1)),
                  ("%x", I()), ("%q", (P(1),)), ("%s %", (P(1),))]:
    try:
        fmt % args
    except (TypeError, ValueError) as e:
        errors.append((type(e).__name__, str(e)))
(r, errors)
""",
    "defaultdict_factories": """
from collections import defaultdict
def fresh():
    return [get("new")]
class Maker:
    def __call__(self):
        return get(0)
d = defaultdict(fresh)
d["a"].append(1)
d["a"].append(2)
d["b"]
c = defaultdict(Maker())
c["x"] += 5
c["x"] += 1
h = defaultdict(get)
try:
    h["k"]
except TypeError as e:
    err = str(e)
plain = defaultdict(list)
plain["p"].append(get(3))
(dict(d), dict(c), dict(plain), "k" in h, "a" in d)
""",
    "dict_subclass_missing": """
class Lazy(dict):
    def __missing__(self, key):
        value = get(key)
        self[key] = value
        return value
class Strict(dict):
    def __missing__(self, key):
        note("missing", key)
        raise KeyError(f"no {key}")
l = Lazy(a=1)
r = [l["a"], l[2], l[2], l["b"], sorted(l.items(), key=str)]
s = Strict()
try:
    s["z"]
except KeyError as e:
    r.append(str(e))
r
""",
    "int_float_conversions": """
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __int__(self):
        return get(self.cents) // 100
    def __float__(self):
        return get(self.cents) / 100
class Idx:
    def __index__(self):
        return get(7)
class Bad:
    def __int__(self):
        return get("x")
    def __float__(self):
        return get(2)
r = [int(Money(1234)), float(Money(250)), int(Idx()), float(Idx())]
for f in (int, float):
    try:
        f(Bad())
    except TypeError as e:
        r.append(str(e))
r
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_construct_pauses_like_cpython(name):
    assert_pauses_like_cpython(PROGRAMS[name])


@pytest.mark.parametrize("name", ["dataclass_post_init", "dataclass_initvar_kw_only_frozen",
                                  "new_then_init"])
def test_construct_pauses_through_a_fresh_process(name):
    assert_pauses_like_cpython(PROGRAMS[name], subprocess_steps=True)


ASYNC_PROGRAMS = {
    "dataclass_in_tasks": """
import asyncio
from dataclasses import dataclass, field
@dataclass
class Job:
    n: int
    out: list = field(default_factory=lambda: [get("f")])
    def __post_init__(self):
        self.out.append(get(self.n))
async def work(n):
    j = Job(n)
    j.out.append(await fetch(n))
    return j
r = await asyncio.gather(work(1), work(2))
[(j.n, j.out) for j in r]
""",
    "new_in_tasks": """
import asyncio
class Conn:
    def __new__(cls, n):
        obj = super().__new__(cls)
        obj.id = get(n)
        return obj
async def work(n):
    c = Conn(n)
    return (c.id, await fetch(c.id))
r = await asyncio.gather(work(1), work(2))
r
""",
}


def _async_expected(code):
    calls = []

    def get(x):
        calls.append(("get", x))
        return IMPLS["get"](x)

    async def fetch(x):
        calls.append(("fetch", x))
        await asyncio.sleep(0)
        return x + 100
    body = "async def __main():\n" + "".join("    " + line + "\n" for line in
                                              code.strip().splitlines()[:-1])
    body += "    return " + code.strip().splitlines()[-1] + "\n"
    ns = {"get": get, "fetch": fetch}
    exec(body, ns)
    return asyncio.run(ns["__main"]()), calls


@pytest.mark.parametrize("name", sorted(ASYNC_PROGRAMS))
def test_construct_under_run_async(name):
    """Sync host calls inside the construct, async host calls awaited by the tasks: CPython's
    value and calls under run_async, and under start() with Pending futures and every step
    dumped and loaded."""
    code = ASYNC_PROGRAMS[name]
    expected, expected_calls = _async_expected(code)
    calls = []

    def get(x):
        calls.append(("get", x))
        return IMPLS["get"](x)

    async def fetch(x):
        calls.append(("fetch", x))
        await asyncio.sleep(0)
        return x + 100
    sb = monty.Sandbox(functions={"get": get, "fetch": fetch})
    assert asyncio.run(sb.run_async(code)) == expected
    assert sorted(calls, key=repr) == sorted(expected_calls, key=repr)
    # start(): sync calls answered one by one, futures in batches; dump/load at every step
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
            step = step.resume(IMPLS[step.function_name](*step.args)
                               if step.function_name == "get" else step.args[0] + 100)
    assert step.value == expected
    assert sorted(seen, key=repr) == sorted(expected_calls, key=repr)


def test_module_functions_keep_their_identity_across_load():
    """A sandbox-Python function a module exports (functools.reduce, lru_cache, string.capwords)
    is the re-imported module's own after a load, in this process and a fresh one."""
    code = """
import functools, string, contextlib
f, g, h, c = functools.reduce, functools.lru_cache, string.capwords, contextlib.contextmanager
x = get(1)
(f is functools.reduce, g is functools.lru_cache, h is string.capwords,
 c is contextlib.contextmanager, f(lambda a, b: a + b, [x, 2]), h("a b"))
"""
    expected = cpython_run(code)
    assert expected[0] == ("ok", (True, True, True, True, 12, "A B"))
    for fresh in (False, True):
        from pausing import paused_run
        assert paused_run(code, subprocess_steps=fresh) == expected


def test_container_text_after_a_run_stopped_inside_it():
    """A run stopped by the time limit inside an item's __repr__ leaves no container marked
    as being written: the next run's repr() of it is CPython's text, not `[...]`."""
    sb = monty.Sandbox(limits=monty.Limits(max_duration=0.3))
    sb.run("""
class Slow:
    def __repr__(self):
        while True:
            pass
items = [Slow()]
""")
    with pytest.raises(monty.MontyTimeLimitError):
        sb.run("repr(items)")
    sb.run("Slow.__repr__ = lambda self: 'S'")
    assert sb.run("repr(items), str([items])") == ("[S]", "[[S]]")


HOSTILE = ["percent_format", "container_repr_str_print_fstring", "defaultdict_factories",
           "dict_subclass_missing", "new_then_init", "dataclass_post_init"]


@pytest.mark.parametrize("name", HOSTILE)
def test_doctored_frames_never_crash(name):
    """Pauses inside these constructs' frames, with each frame's protocol and the caller's
    position replaced: load refuses with a MontyError, or the program runs (or fails)
    cleanly."""
    import msgspec
    from monty.opcodes import PROTOCOLS
    from pausing import load_ok_or_monty_error
    names = ["get", "note", "fail"]
    fns = {n: None for n in names}
    step = monty.Sandbox(functions=fns).start(PROGRAMS[name])
    blobs = []
    while isinstance(step, monty.Call) and len(blobs) < 3:
        blobs.append(step.dump())
        step = step.resume(IMPLS[step.function_name](*step.args, **step.kwargs))
    assert blobs
    for blob in blobs:
        doc = msgspec.msgpack.decode(blob)
        for k in range(1, len(doc[6])):
            for v in (-1, 0, len(PROTOCOLS) - 1, len(PROTOCOLS), None, "x"):
                d = msgspec.msgpack.decode(blob)
                d[6][k][7] = v
                load_ok_or_monty_error(msgspec.msgpack.encode(d), fns, 30)
            for delta in (-1, 1):
                d = msgspec.msgpack.decode(blob)
                d[6][k - 1][2] += delta
                load_ok_or_monty_error(msgspec.msgpack.encode(d), fns, 30)


def test_re_match_values_survive_a_load():
    """re.Match values kept across a pause: the same groups, spans, names, expand() and
    repr after dump/load (in a fresh process too); no regex runs on load."""
    code = """
import re
m = re.compile(r"(?P<word>[a-z]+)-(\\d+)?(x)?").search("  abc-12 tail", 1, 12)
b = re.match(rb"(a)(b)?", b"ac")
none = re.match("z", "a")
x = get(1)
(m.group(), m.group(1, "word", 2, 3), m.groups(), m.groups("-"), m.groupdict(), m.span(2),
 m.start("word"), m.end(), m.pos, m.endpos, m.lastindex, m.lastgroup, m.regs, m.string,
 m.re.pattern, m.expand(r"<\\g<word>|\\2>"), m[1], repr(m), bool(m), b.groups(), b.span(2),
 repr(b), none, x)
"""
    expected = cpython_run(code)
    assert expected[0][0] == "ok"
    from pausing import paused_run
    for fresh in (False, True):
        assert paused_run(code, subprocess_steps=fresh) == expected


@pytest.mark.parametrize("field,value", [(3, -1), (4, 99), (5, [0]), (6, 5), (2, 7), (1, 3)])
def test_doctored_re_match_is_refused(field, value):
    import msgspec
    from pausing import load_ok_or_monty_error
    fns = {"get": None}
    step = monty.Sandbox(functions=fns).start(
        "import re\nm = re.search('(a)(b)?', 'xab')\nget(1)\nm.groups()")
    doc = msgspec.msgpack.decode(step.dump())
    rows = [i for i, e in enumerate(doc[10]) if e[0] == "RM"]
    assert rows
    doc[10][rows[0]][field] = value
    load_ok_or_monty_error(msgspec.msgpack.encode(doc), fns, 3)
