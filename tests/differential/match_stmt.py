# match statements: every pattern kind, guards, binding rules, runtime errors
match 1:
    case 1:
        r = "one"
    case _:
        r = "other"
r
# ---
r = None
match 5:
    case 1:
        r = 1
    case 2:
        r = 2
r
# ---
def f(x):
    match x:
        case 0:
            return "zero"
f(1)
# ---
def f(x):
    match x:
        case "a":
            return 1
        case b"a":
            return 2
        case 1.5:
            return 3
        case -2:
            return 4
        case 1 + 2j:
            return 5
        case -1j:
            return 6
        case "x" "y":
            return 7
    return 0
[f("a"), f(b"a"), f(1.5), f(-2), f(1 + 2j == 1 + 2j and 1 + 2j), f(-1j), f("xy"), f("b")]
# ---
def f(x):
    match x:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
    return "other"
[f(None), f(True), f(False), f(1), f(0), f(1.0), f(""), f([])]
# ---
def f(x):
    match x:
        case 1:
            return "int one"
        case 0.0:
            return "zero"
    return "other"
[f(True), f(1.0), f(0), f(False), f(-0.0)]
# ---
match 42:
    case n:
        r = n * 2
r
# ---
match [1, 2]:
    case _:
        r = "wild"
r
# ---
x = "keep"
match 3:
    case _:
        pass
x
# ---
def f():
    pass
g = f
def check(s):
    match s:
        case f.__name__:
            return "named f"
        case _:
            return "other"
[check("f"), check("g")]
# ---
def f(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return ("one", a)
        case [a, b]:
            return ("two", a, b)
        case [a, b, *rest]:
            return ("many", a, b, rest)
[f([]), f([1]), f((1, 2)), f([1, 2, 3, 4]), f(()), f(range(3))]
# ---
def f(x):
    match x:
        case [*_]:
            return "sequence"
        case _:
            return "not"
[f("abc"), f(b"ab"), f([1]), f((1,)), f(range(0)), f({1: 2}), f({1, 2}), f(iter([1])), f(5)]
# ---
def f(x):
    match x:
        case (a, *rest):
            return (a, rest)
f((1, 2, 3))
# ---
def f(x):
    match x:
        case [*init, last]:
            return (init, last)
[f([1]), f([1, 2, 3]), f((4, 5))]
# ---
def f(x):
    match x:
        case [first, *_, last]:
            return (first, last)
[f([1, 2]), f([1, 2, 3, 4]), f(range(10)), f([1])]
# ---
def f(x):
    match x:
        case [_, _, *_]:
            return "at least two"
        case [_]:
            return "one"
    return "none"
[f([1, 2, 3]), f([1]), f([]), f("ab")]
# ---
def f(x):
    match x:
        case [a, *mid, b, c]:
            return (a, mid, b, c)
[f([1, 2, 3]), f([1, 2, 3, 4, 5]), f([1, 2])]
# ---
def f(x):
    match x:
        case [1, [2, y], {"k": z}]:
            return (y, z)
        case [1, (2, *ys)]:
            return ys
[f([1, [2, 3], {"k": 4}]), f([1, (2, 5, 6)]), f([1, [2, 3], {"j": 4}])]
# ---
match (1, 2):
    case (x,):
        r = "one"
    case (x, y):
        r = x + y
r
# ---
match 1, 2:
    case a, b:
        r = [b, a]
r
# ---
def f(x):
    match x:
        case {}:
            return "any dict"
    return "not a dict"
[f({}), f({1: 2}), f([]), f("")]
# ---
def f(x):
    match x:
        case {"name": str(name), "age": int(age)}:
            return (name, age)
        case {"name": name}:
            return name
    return None
[f({"name": "a", "age": 3}), f({"name": "b", "age": "x"}), f({"age": 1}), f({"name": 1, "extra": 2})]
# ---
def f(x):
    match x:
        case {"a": 1, **rest}:
            return rest
        case {**rest}:
            return ("all", rest)
[f({"a": 1, "b": 2, "c": 3}), f({"a": 2}), f({})]
# ---
match {"a": 1, "b": 2}:
    case {"a": _, **rest}:
        r = rest
r
# ---
def f():
    pass
def k(x):
    match x:
        case {f.__name__: v}:
            return v
    return "missing"
[k({"f": 1}), k({"g": 2})]
# ---
def f():
    pass
g = f
match {"f": 1, "x": 2}:
    case {f.__name__: a, g.__name__: b}:
        r = (a, b)
# ---
match {1: "int", 2: "two"}:
    case {True: v}:
        r = v
r
# ---
match {"a": [1, 2, 3]}:
    case {"a": [x, *_]}:
        r = x
r
# ---
match {-1: "neg", 1.5: "f", None: "n", b"b": "bytes"}:
    case {-1: a, 1.5: b, None: c, b"b": d}:
        r = (a, b, c, d)
r
# ---
def f(x):
    match x:
        case int(n):
            return ("int", n)
        case str(s):
            return ("str", s)
        case float(v):
            return ("float", v)
        case list(items):
            return ("list", items)
        case dict(d):
            return ("dict", d)
        case tuple(t):
            return ("tuple", t)
    return ("other", x)
[f(1), f("s"), f(1.5), f([1]), f({"a": 1}), f((1, 2)), f(None), f(True)]
# ---
def f(x):
    match x:
        case bool(b):
            return ("bool", b)
        case int(i):
            return ("int", i)
[f(True), f(1), f(0), f(False)]
# ---
def f(x):
    match x:
        case bytes(b):
            return ("bytes", b)
        case set(s):
            return ("set", sorted(s))
        case frozenset(s):
            return ("frozenset", sorted(s))
[f(b"x"), f({2, 1}), f(frozenset([3]))]
# ---
def f(x):
    match x:
        case int() | float():
            return "number"
        case str() | bytes():
            return "text"
        case list() | tuple():
            return "sequence"
        case dict():
            return "mapping"
    return "other"
[f(1), f(2.5), f("a"), f(b""), f([]), f(()), f({}), f(None)]
# ---
def f(x):
    match x:
        case tuple((a, b)):
            return a + b
        case list([1, *rest]):
            return rest
        case dict({"k": v}):
            return v
[f((1, 2)), f([1, 2, 3]), f({"k": "v"}), f((1, 2, 3))]
# ---
def f(x):
    match x:
        case int(real=r, imag=i):
            return (r, i)
f(7)
# ---
def f(x):
    match x:
        case int(5 as five):
            return five
        case str("a" | "b") as s:
            return s * 2
    return "no"
[f(5), f(6), f("a"), f("b"), f("c")]
# ---
def f(x):
    match x:
        case int(nonexistent=v):
            return v
    return "no attribute, no match"
f(3)
# ---
match 1:
    case str(x, y):
        pass
# ---
match "s":
    case str(x, y):
        pass
# ---
match ValueError("boom"):
    case ValueError(msg):
        pass
# ---
match ValueError("boom", 2):
    case ValueError(args=(msg, code)):
        r = (msg, code)
r
# ---
def f(x):
    match x:
        case KeyError() | IndexError():
            return "lookup"
        case ArithmeticError():
            return "arith"
        case Exception(args=a):
            return a
[f(KeyError(1)), f(IndexError()), f(ZeroDivisionError()), f(ValueError("v")), f(3)]
# ---
match 1:
    case print():
        pass
# ---
match 1:
    case len(x):
        pass
# ---
def ident(x):
    return x
match "x":
    case str() if False:
        pass
    case ident():
        pass
# ---
def f(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case "a" | "b":
            return "letter"
        case [1, _] | [_, 1]:
            return "has one"
    return "other"
[f(2), f("b"), f([1, 5]), f([5, 1]), f([5, 5]), f(4)]
# ---
def f(x):
    match x:
        case [a, 1] | [1, a] | (a, 2, _):
            return a
        case {"x": a} | {"y": a}:
            return ("map", a)
    return None
[f([7, 1]), f([1, 8]), f((9, 2, 0)), f({"y": 3}), f({"x": 4, "y": 5}), f([2, 2])]
# ---
def f(p):
    match p:
        case (x, y) | [y, x, _]:
            return (x, y)
        case {"a": a, "b": b} | {"b": a, "c": b}:
            return (a, b)
[f((1, 2)), f([1, 2, 3]), f({"a": 1, "b": 2}), f({"b": 3, "c": 4})]
# ---
def f(x):
    match x:
        case [1 | 2 as a, (3 | 4) as b]:
            return (a, b)
        case [(1 | 2) as a, *rest] as whole:
            return (a, rest, whole)
[f([2, 4]), f([1, 3]), f([2, 5, 6]), f([9])]
# ---
match [1, 2]:
    case [_, _] as pair:
        r = pair
r
# ---
def f(x):
    match x:
        case int(n) if n < 0:
            return "negative"
        case int(n) if n == 0:
            return "zero"
        case int(n):
            return "positive"
        case _ if x:
            return "truthy"
        case _:
            return "falsy"
[f(-3), f(0), f(4), f("a"), f("")]
# ---
seen = []
def check(v):
    seen.append(v)
    return v > 1
def f(x):
    match x:
        case [a, b] if check(a):
            return "first"
        case [a, b] if check(b):
            return "second"
        case _:
            return "none"
[f([2, 0]), f([0, 3]), f([0, 0]), seen]
# ---
match [1, 2]:
    case [x, y] if x > y:
        r = "desc"
    case _:
        r = "fallthrough"
(r, x, y)
# ---
match [1, 3]:
    case [x, 2]:
        pass
    case _:
        pass
x
# ---
def f(x):
    match x:
        case [a, 2]:
            return a
        case _:
            return a
f([1, 3])
# ---
def f(x):
    match x:
        case [n] if (m := n * 2) > 4:
            return ("big", m)
        case [n]:
            return ("small", m)
[f([3]), f([1])]
# ---
calls = []
def subject():
    calls.append(1)
    return [1, 2]
match subject():
    case [0, _]:
        r = 0
    case [1, _]:
        r = 1
    case _:
        r = 2
(r, len(calls))
# ---
def f(x):
    match x:
        case 1:
            return 1 / 0
f(1)
# ---
def f(x):
    match x:
        case [a] if a / 0:
            return "never"
f([1])
# ---
out = []
for item in [1, "skip", 2, "stop", 3]:
    match item:
        case "skip":
            continue
        case "stop":
            break
        case n:
            out.append(n)
out
# ---
total = 0
for cmd in [("add", 5), ("sub", 2), ("mul", 3), ("nop",), ("add", "x")]:
    match cmd:
        case ("add", int(v)):
            total += v
        case ("sub", int(v)):
            total -= v
        case ("mul", int(v)):
            total *= v
        case _:
            print("ignored", cmd)
total
# ---
def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k}"
        case {"type": "key"}:
            return "special key"
        case {"type": t}:
            return f"unknown {t}"
        case _:
            return "invalid"
[handle({"type": "click", "pos": (1, 2)}), handle({"type": "key", "key": "a"}),
 handle({"type": "key", "key": "shift"}), handle({"type": "scroll"}), handle([])]
# ---
def f(x):
    match x:
        case [int(a), str(b)] | [str(b), int(a)]:
            return (a, b)
[f([1, "a"]), f(["b", 2]), f([1, 2])]
# ---
counter = 0
def f(x):
    global counter
    match x:
        case counter:
            pass
    return counter
(f(5), counter)
# ---
def outer():
    v = 0
    def inner(x):
        nonlocal v
        match x:
            case [v, _]:
                pass
    inner([9, 8])
    return v
outer()
# ---
def outer(x):
    match x:
        case [a, *b]:
            pass
    return lambda: (a, b)
outer([1, 2, 3])()
# ---
def f(x):
    match x:
        case [[a, b], [c, d]]:
            return a * d - b * c
[f([[1, 2], [3, 4]]), f([[1, 2], [3]])]
# ---
match range(5):
    case [0, 1, *rest]:
        r = rest
r
# ---
match "hello":
    case [h, *_]:
        r = "sequence"
    case str(s) if s.startswith("h"):
        r = "string"
r
# ---
match [1, 2, 3]:
    case (1, 2, 3):
        r = "tuple pattern matches list"
r
# ---
match {"a": 1}:
    case {"a": 1, "b": 2}:
        r = "both"
    case {"a": 1}:
        r = "a only"
r
# ---
match {"a": None}:
    case {"a": None}:
        r = "none value"
r
# ---
match [None, True, False]:
    case [None, True, False]:
        r = "singletons"
r
# ---
match 2:
    case 1:
        pass
    case 2 if False:
        pass
# ---
x = 0
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        x = a + b + c + d
x
# ---
match {"k": {"k": {"k": 1}}}:
    case {"k": {"k": {"k": v}}}:
        r = v
r
# ---
def area(shape):
    match shape:
        case ("circle", r):
            return 3 * r * r
        case ("rect", w, h):
            return w * h
        case ("square", s):
            return s * s
        case _:
            raise ValueError(f"unknown shape {shape!r}")
[area(("circle", 2)), area(("rect", 2, 3)), area(("square", 4))]
# ---
def area(shape):
    match shape:
        case ("rect", w, h):
            return w * h
        case _:
            raise ValueError(f"unknown shape {shape!r}")
area(("hexagon", 1))
# ---
match [1, 2, 3]:
    case [*_, 3]:
        r = "ends with 3"
r
# ---
def f(x):
    match x:
        case {"a": [1, *_] | (2, *_) as seq, **kw}:
            return (seq, kw)
[f({"a": [1, 5], "b": 0}), f({"a": (2,)}), f({"a": [3]})]
# ---
r = "unset"
match 3:
    case 1:
        r = "one"
    case _ if False:
        r = "guarded default"
r
# ---
match (n := 7):
    case 7:
        r = n * 3
r
# ---
match ["first", 2]:
    case [len, *_]:
        pass
len
# ---
def classify(e):
    match e:
        case KeyError(args=(k,)):
            return ("missing", k)
        case OSError() | ValueError(args=()):
            return "plain"
        case Exception(args=[msg, *more]):
            return (type(e).__name__, msg, more)
out = []
for exc in [KeyError("a"), ValueError(), TypeError("t", 1), RuntimeError("r")]:
    try:
        raise exc
    except Exception as caught:
        out.append(classify(caught))
out
# ---
def f(x):
    match x:
        case [int() as a, int() as b] if a < b:
            return "ascending"
        case [int(), int()]:
            return "not ascending"
        case [float() | int() as a, *_]:
            return ("numeric head", a)
[f([1, 2]), f([2, 1]), f([1.5, "x"]), f([True, False])]
