# Sandbox subclasses of builtins: inherited methods and protocol dunders reached through the
# instance, the class and super() behave as in CPython.
class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("abc")
repr((s.shout(), s.ljust(5, "."), s.center(7), S.ljust(s, 4), s.split("b"), s.replace("b", "XY"),
 s.join(["1", "2"]), s.count("a"), s.startswith("a"), type(s.upper()).__name__, s.zfill(5),
 "{}-{}".format(s, S("d")), S("{0}/{1}").format(1, 2), S("x{a}").format_map({"a": 1})))
# ---
class S(str):
    def __mul__(self, n):
        return S(super().__mul__(n))
    def __add__(self, other):
        return "<" + super().__add__(other) + ">"
x = S("ab") * 3
repr((x, type(x).__name__, S("a") + "b", S.__mul__(S("q"), 2), S("z").__mul__(2), S("a").__rmul__(3)))
# ---
class S(str):
    def __new__(cls, value):
        return super().__new__(cls, str(value).upper())
    def __repr__(self):
        return "S(" + super().__repr__() + ")"
    def __str__(self):
        return "<" + super().__str__() + ">"
    def __format__(self, spec):
        return "[" + super().__format__(spec) + "]"
s = S("ab")
repr((repr(s), str(s), f"{s:>4}", s == "AB", type(s).__name__, S.__new__(S, 5), isinstance(s, str)))
# ---
class P(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def total(self):
        return sum(self)
p = P(1, 2)
repr((p, p.total(), p.count(1), p.index(2), type(p).__name__, P.__new__(P, 3, 4), tuple.__new__(P, [5, 6])))
# ---
class I(int):
    def __add__(self, other):
        return I(super().__add__(other))
    def __pow__(self, other, mod=None):
        return super().__pow__(other, mod)
    def __repr__(self):
        return "I(" + super().__repr__() + ")"
a = I(5) + 3
repr((a, type(a).__name__, I(2) ** 10, pow(I(3), 4, 5), I.__pow__(I(2), 5), I(7).bit_length(),
 I(7).to_bytes(2, "big"), I.from_bytes(b"\x01\x00", "big"), type(I.from_bytes(b"\x01", "big")).__name__,
 I(6).__truediv__(4), I(6).__rfloordiv__(13), I(1).__lshift__(10), I(5).__neg__(), I(5).__index__(),
 round(I(1234), -2), I(1234).__round__(-2)))
# ---
class L(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = "t"
    def __getitem__(self, i):
        return super().__getitem__(i)
    def __setitem__(self, i, v):
        super().__setitem__(i, v * 10)
    def __contains__(self, x):
        return super().__contains__(x)
    def __eq__(self, other):
        return super().__eq__(other)
    def __iadd__(self, other):
        return super().__iadd__(other)
l = L([1, 2, 3])
l[0] = 5
l[1:2] = [7, 8]
l += (9,)
repr((l, l.tag, l[0], 3 in l, 4 in l, l == [50, 7, 8, 3, 9], l != [1], L.__eq__(l, l), l.count(3), l.index(3),
 L([2, 1]).__lt__([3]), len(l), l.__len__(), l.copy(), type(l.copy()).__name__))
# ---
class D(dict):
    def __missing__(self, key):
        return key * 2
    def __getitem__(self, key):
        return super().__getitem__(key)
    def __setitem__(self, key, value):
        super().__setitem__(key, value + 1)
d = D(a=1)
d["b"] = 2
repr((d["a"], d["b"], d["zz"], d, sorted(d.keys()), d.get("a"), D.fromkeys("ab", 0), type(D.fromkeys("a")).__name__,
 super(D, d).__contains__("a"), "zz" in d))
# ---
class A:
    def __init__(self, x):
        super().__init__()
        self.x = x
    def __eq__(self, other):
        if isinstance(other, A):
            return self.x == other.x
        return super().__eq__(other)
    def __hash__(self):
        return hash(self.x)
    def __setattr__(self, name, value):
        if name == "x":
            value = value * 2
        super().__setattr__(name, value)
a = A(3)
a.y = 1
repr((a.x, a.y, a == A(3), a == 5, a != 5, A(1).__eq__(2), hash(a) == hash(6), object.__eq__(a, a),
 object.__ne__(a, a), object.__eq__(a, 1)))
# ---
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete field {name!r}")
f = Frozen(1)
try:
    f.x = 2
    r = "assigned"
except AttributeError as e:
    r = str(e)
object.__setattr__(f, "y", 5)
object.__delattr__(f, "y")
repr((f.x, r, hasattr(f, "y")))
# ---
class Point:
    __slots__ = ("x", "y")
    def __new__(cls, *args):
        self = super().__new__(cls)
        return self
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
q = object.__new__(Point)
object.__setattr__(q, "x", 3)
repr((p.x, p.y, q.x, type(q).__name__))
# ---
class Base:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.registered = True
class Child(Base):
    pass
repr((Child.registered, Base.__dict__.get("registered")))
# ---
class E(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f"{super().__str__()} ({self.code})"
try:
    raise E("bad", 7)
except ValueError as e:
    r = (str(e), e.args, e.code, repr(e), type(e).__name__)
repr(r)
# ---
class F(float):
    def __round__(self, n=None):
        return super().__round__(n)
repr((round(F(2.567), 2), F(1.5).__add__(1), F(2.0).__pow__(3), F(1.5).is_integer(), F(3.0).hex(),
 F.fromhex("0x1p1"), type(F.fromhex("0x1p1")).__name__))
# ---
class FS(frozenset):
    pass
class ST(set):
    pass
a = FS([1, 2])
b = ST([2, 3])
b.add(4)
repr((sorted(a | {3}), sorted(a.union([5])), sorted(b), b.__contains__(4), FS.__new__(FS, [1]) == {1},
 sorted(ST.__or__(b, {9})), a.__hash__() == frozenset([1, 2]).__hash__()))
# ---
class S(str):
    pass
results = []
for expr in ("S.__mul__(1, 2)", "S.__new__(int)", "S.__new__(S, 1, 2, 3)", "object.__new__(5)"):
    try:
        eval_result = {"S.__mul__(1, 2)": lambda: S.__mul__(1, 2),
                       "S.__new__(int)": lambda: S.__new__(int),
                       "S.__new__(S, 1, 2, 3)": lambda: S.__new__(S, 1, 2, 3),
                       "object.__new__(5)": lambda: object.__new__(5)}[expr]()
        results.append("ok")
    except TypeError:
        results.append("TypeError")
repr(results)
# ---
class C:
    pass
c = C()
c.count = 1
class L(list):
    pass
l = L()
l.append(1)
l.append = lambda x: "shadowed"
repr((c.count, l.append(2), l, getattr(L([1]), "count")(1), hasattr(L, "append"), hasattr(L(), "nope")))
# ---
class L(list):
    pass
class D(dict):
    pass
repr((L.__hash__, L([1]).__hash__, D.__hash__, list.__hash__, object.__hash__(L) == hash(L)))
# ---
class D(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
class L(list):
    def __init__(self, items=()):
        super().__init__(x * 2 for x in items)
repr((D([(1, 2)], a=3), D(a=1), D(), L([1, 2]), L(), D.__init__ is dict.__init__))
