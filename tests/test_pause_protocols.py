"""Host calls inside sandbox dunders, properties, descriptors and iterator methods that the
VM's own instructions reach: each program gives CPython's value, output and host-call log
under run() and under start() with dump/load at every and every second pause."""

import pytest

from pausing import IMPLS, assert_pauses_like_cpython

PROGRAMS = {
    "property_get_set_delete": """
class A:
    def __init__(self):
        self._x = 1
    @property
    def x(self):
        return get(self._x) + 1
    @x.setter
    def x(self, v):
        note("set", v)
        self._x = v
    @x.deleter
    def x(self):
        note("del")
        self._x = 0
a = A()
a.x = 5
r = [a.x]
del a.x
r.append(a.x)
r.append(a.x.bit_length())
r
""",
    "property_in_expression_and_method_call": """
class Box:
    def __init__(self, items):
        self.items = items
    @property
    def total(self):
        return sum(get(i) for i in self.items) if False else get(len(self.items))
    @property
    def label(self):
        return get("box")
b = Box([1, 2, 3])
(b.total * 2, b.label.upper(), [Box([1]).total for _ in range(2)])
""",
    "descriptor_get_set": """
class Field:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return get(getattr(obj, self.name))
    def __set__(self, obj, value):
        note(self.name, value)
        setattr(obj, self.name, value)
class P:
    x = Field()
    y = Field()
p = P()
p.x = 3
p.y = 4
(p.x, p.y, type(P.x).__name__)
""",
    "non_data_descriptor_shadowed": """
class Lazy:
    def __get__(self, obj, objtype=None):
        return get(7)
class C:
    v = Lazy()
c = C()
first = c.v
c.__dict__["v"] = 1
(first, c.v)
""",
    "getattr_fallback": """
class Proxy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("bad"):
            raise AttributeError(name)
        return get(name)
p = Proxy()
r = [p.real, p.foo, p.bar.upper()]
try:
    p.bad_one
except AttributeError as e:
    r.append(str(e))
r.append(hasattr(p, "bad_two"))
r
""",
    "setattr_override": """
class Rec:
    def __setattr__(self, name, value):
        note(name, value)
        object.__setattr__(self, name, get(value))
r = Rec()
r.a = 1
r.b = 2
(r.a, r.b)
""",
    "call_dunder": """
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, scale=1):
        return get(x) * scale + self.n
add = Adder(1)
(add(2), add(3, scale=2), [add(i) for i in range(3)])
""",
    "str_repr_format": """
class T:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return get("s" + str(self.v))
    def __repr__(self):
        return get("r" + str(self.v))
    def __format__(self, spec):
        return get("f" + spec)
t = T(1)
(str(t), repr(t), format(t), format(t, ">3"), f"{t}", f"{t:x}", f"{t!s}", f"{t!r}",
 f"<{t!s}|{t!r}>")
""",
    "str_via_repr_only": """
class R:
    def __repr__(self):
        return get("R()")
r = R()
(str(r), f"{r}", format(r))
""",
    "print_calls_str": """
class P:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        return "P" + str(get(self.n))
print(P(1))
print("a", P(2), P(3), sep="-")
print(P(4), end="!\\n")
""",
    "next_in_for_loop": """
class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return get(self.i)
out = []
for v in Count(3):
    out.append(v)
total = 0
for v in Count(2):
    for w in Count(2):
        total += v * w
(out, total, [x for x in Count(2)])
""",
    "binary_operators": """
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return V(get(self.x) + o.x)
    def __radd__(self, o):
        return V(get(o) + self.x)
    def __mul__(self, k):
        return V(self.x * get(k))
    def __sub__(self, o):
        return NotImplemented
    def __rsub__(self, o):
        return V(get(o) - self.x)
r = V(1) + V(2)
s = 3 + V(4)
t = V(1)
t += V(5)
u = V(2) * 3
w = 10 - V(9)
try:
    V(1) - 1
except TypeError as e:
    err = str(e)
(r.x, s.x, t.x, u.x, w.x, err)
""",
    "inplace_operator": """
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(get(x))
        return self
a = Acc()
for i in range(3):
    a += i
b = a
b += 10
(a.items, a is b)
""",
    "comparisons": """
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, K) and get(self.v) == o.v
    def __lt__(self, o):
        return get(self.v) < o.v
    def __hash__(self):
        return hash(self.v)
a, b = K(1), K(2)
r = [a == K(1), a == b, a != K(1), a != b, a < b, b > a, a == 1, 1 == a]
if a < b:
    r.append("lt")
while K(0) == K(1):
    r.append("never")
try:
    a <= b
except TypeError as e:
    r.append(str(e))
r
""",
    "ne_and_identity": """
class Only:
    def __eq__(self, o):
        note("eq")
        return NotImplemented
x = Only()
(x == x, x != x, x == Only(), x != Only())
""",
    "exception_in_dunders": """
class Bad:
    @property
    def p(self):
        fail("p")
    def __str__(self):
        fail("s")
    def __add__(self, o):
        return fail("add")
    def __next__(self):
        fail("next")
    def __iter__(self):
        return self
r = []
for code in ("b.p", "str(b)", "f'{b}'", "b + 1", "[x for x in b]"):
    b = Bad()
    try:
        if code == "b.p":
            b.p
        elif code == "str(b)":
            str(b)
        elif code == "f'{b}'":
            f"{b}"
        elif code == "b + 1":
            b + 1
        else:
            [x for x in b]
    except KeyError as e:
        r.append((code, str(e)))
r
""",
    "bad_return_types": """
class S:
    def __str__(self):
        return get(1)
    def __repr__(self):
        return get(2)
    def __format__(self, spec):
        return get(3)
r = []
for f in (str, repr, format, lambda s: f"{s}", lambda s: f"{s!r}"):
    try:
        f(S())
    except TypeError as e:
        r.append(str(e))
r
""",
    "truth_tests": """
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return get(self.v) > 0
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return get(self.n)
r = []
if B(1):
    r.append("b1")
if not B(0):
    r.append("not b0")
r.append(B(1) and "and")
r.append(B(0) or "or")
r.append(bool(B(1)) if False else None)
while B(0):
    r.append("never")
if L(2):
    r.append("l2")
if L(0):
    r.append("never")
r.append(not L(3))
r.append(L(0) or "empty")
r.append(len(L(4)))
r.append([x for x in range(3) if B(x)])
r
""",
    "truth_and_len_errors": """
class BadBool:
    def __bool__(self):
        return get(1)
class BadLen:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return get(self.v)
r = []
for make in (lambda: BadBool(), lambda: BadLen(-1), lambda: BadLen("x")):
    try:
        if make():
            pass
    except (TypeError, ValueError) as e:
        r.append((type(e).__name__, str(e)))
for v in (-1, "x"):
    try:
        len(BadLen(v))
    except (TypeError, ValueError) as e:
        r.append((type(e).__name__, str(e)))
r
""",
    "contains": """
class Evens:
    def __contains__(self, x):
        return get(x) % 20 == 0
e = Evens()
r = [2 in e, 3 in e, 2 not in e, 3 not in e]
if 2 in e:
    r.append("yes")
r.append([x for x in range(4) if x in e])
r
""",
    "subscripts": """
class Store:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        if k == "missing":
            raise KeyError(k)
        return get(k)
    def __setitem__(self, k, v):
        note("set", k, v)
        self.d[k] = v
    def __delitem__(self, k):
        note("del", k)
        self.d.pop(k, None)
s = Store()
s["a"] = 1
s[1, 2] = 3
del s["a"]
r = [s[4], s["b"], s[1:2] if False else None, s.d]
try:
    s["missing"]
except KeyError as e:
    r.append(repr(e))
s[5] += 1
r.append(s.d)
r
""",
    "unary_operators": """
class N:
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return N(-get(self.v))
    def __pos__(self):
        return N(get(self.v) + 1)
    def __invert__(self):
        return get(~self.v)
(( -N(3)).v, (+N(3)).v, ~N(3), (-(-N(2))).v)
""",
    "iter_dunder": """
class Bag:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        note("iter")
        return iter([get(x) for x in self.items])
class Self:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        note("self")
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return get(self.i)
class NotIter:
    def __iter__(self):
        return get(1)
r = [x for x in Bag([1, 2])]
for x in Self():
    r.append(x)
try:
    for x in NotIter():
        pass
except TypeError as e:
    r.append(str(e))
r
""",
    "unpacking": """
class It:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > self.n: raise StopIteration
        return get(self.i)
class Wrap:
    def __init__(self, n): self.n = n
    def __iter__(self):
        note("iter")
        return It(self.n)
class ListIt:
    def __iter__(self):
        return iter([get(1), get(2)])
r = []
a, b = It(2); r.append((a, b))
a, *rest = Wrap(4); r.append((a, rest))
x, y = ListIt(); r.append((x, y))
for n in (1, 3):
    try:
        a, b = It(n)
    except ValueError as e:
        r.append(str(e))
try:
    a, b, *c = It(1)
except ValueError as e:
    r.append(str(e))
for (p, q) in [It(2), It(2)]:
    r.append(p + q)
r
""",
    "comparison_value_truth": """
class W:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return get(self.v) > 0
class E:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return W(self.v)
r = []
if E(1) == 1:
    r.append("yes")
if E(0) == 1:
    r.append("no")
while E(0) == 0:
    r.append("never")
r
""",
    "class_bodies": """
def deco(cls):
    note("deco", cls.__name__)
    cls.tag = get("t")
    return cls
class Config:
    url = get("u")
    size = get(2) * 2
    names = [get(i) for i in range(2)]
    if size > 10:
        big = True
    def method(self):
        return __class__.__name__ + self.url
    class Inner:
        deep = get(3)
@deco
class Sub(Config):
    extra = get("e")
    def method(self):
        return super().method() + "!"
(Config.url, Config.size, Config.names, Config.big, Config.Inner.deep, Sub.tag, Sub.extra,
 Sub().method(), Config.__qualname__, Config.Inner.__qualname__)
""",
    "class_body_errors": """
r = []
try:
    class Bad:
        x = fail("body")
except KeyError as e:
    r.append(repr(e))
try:
    class Worse:
        y = get(1)
        z = undefined_name
except NameError as e:
    r.append(str(e))
r.append(get(0))
r
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_pauses_like_cpython(name):
    assert_pauses_like_cpython(PROGRAMS[name])


@pytest.mark.parametrize("name", ["property_get_set_delete", "str_repr_format",
                                  "next_in_for_loop", "comparisons"])
def test_pauses_through_a_fresh_process(name):
    assert_pauses_like_cpython(PROGRAMS[name], subprocess_steps=True)


def test_cached_property_pauses():
    """The function of a cached_property runs in the main loop: each host call inside it is
    a pause (the descriptor object itself is not yet a snapshot value)."""
    import monty
    from pausing import cpython_run
    code = """
from functools import cached_property
class C:
    def __init__(self, v):
        self.v = v
    @cached_property
    def double(self):
        return get(self.v) * 2
c = C(3)
r = [c.double, c.double, C(1).double]
c.double = 5
r.append(c.double)
del c.double
r.append(c.double)
r.append(c.double.bit_length())
r
"""
    sb = monty.Sandbox(functions={"get": None})
    step = sb.start(code)
    calls = []
    while isinstance(step, monty.Call):
        calls.append(step.args)
        step = step.resume(IMPLS["get"](*step.args))
    expected, expected_calls, _ = cpython_run(code)
    assert ("ok", step.value) == expected
    assert calls == [c[1] for c in expected_calls]


HOSTILE = ["unpacking", "class_bodies", "comparison_value_truth", "property_get_set_delete", "str_repr_format", "print_calls_str", "next_in_for_loop",
           "binary_operators", "comparisons", "truth_tests", "contains", "subscripts",
           "iter_dunder", "getattr_fallback", "descriptor_get_set", "unary_operators"]


def _load_ok_or_monty_error(data, names):
    import monty
    try:
        step = monty.load(data, functions={n: None for n in names},
                          limits=monty.Limits(max_duration=1.0))
    except monty.MontyError:
        return
    for _ in range(40):
        if not isinstance(step, monty.Call):
            return
        try:
            step = step.resume(1)
        except monty.MontyError:
            return


@pytest.mark.parametrize("name", HOSTILE)
def test_doctored_protocol_frames_never_crash(name):
    """Every pause inside a protocol dunder, with the frame's protocol, the caller's position
    and the value-stack slots replaced: load refuses with a MontyError, or the program runs
    (or fails) cleanly."""
    import msgspec
    import monty
    from monty.opcodes import PROTOCOLS
    names = ["get", "note", "fail"]
    sb = monty.Sandbox(functions={n: None for n in names})
    step = sb.start(PROGRAMS[name])
    blobs = []
    while isinstance(step, monty.Call) and len(blobs) < 4:
        blobs.append(step.dump())
        try:
            result = IMPLS[step.function_name](*step.args, **step.kwargs)
        except KeyError as e:
            step = step.resume_error(e)
        else:
            step = step.resume(result)
    blobs = [b for b in blobs if any(row[7] for row in msgspec.msgpack.decode(b)[6] if not row[6])]
    assert blobs, "no pause inside a protocol frame"
    protocols = list(range(-1, len(PROTOCOLS) + 2)) + [None, "x", [1], 2**40]
    for blob in blobs:
        doc = msgspec.msgpack.decode(blob)
        for k in range(1, len(doc[6])):
            for v in protocols:
                d = msgspec.msgpack.decode(blob)
                d[6][k][7] = v
                _load_ok_or_monty_error(msgspec.msgpack.encode(d), names)
            for v in (doc[6][k - 1][2] - 1, doc[6][k - 1][2] + 1, 1):
                d = msgspec.msgpack.decode(blob)
                d[6][k - 1][2] = v
                _load_ok_or_monty_error(msgspec.msgpack.encode(d), names)
        for k in range(1, len(doc[5])):
            for rep in (5, None, "s", [0]):
                d = msgspec.msgpack.decode(blob)
                if rep == [0]:
                    d[10].append(["L", []])
                    rep = [len(d[10]) - 1]
                d[5][k] = rep
                _load_ok_or_monty_error(msgspec.msgpack.encode(d), names)
