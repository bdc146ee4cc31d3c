# sandboxed eval / exec / compile and globals() / locals(), against CPython
eval("1 + 2 * 3")
# ---
x = 10
eval("x * 2")
# ---
eval(" 1 + 1")
# ---
eval("[i * i for i in range(5)]")
# ---
eval("a + b", {"a": 1, "b": 2})
# ---
eval("a + b", {"a": 1}, {"b": 5})
# ---
g = {"a": 1}
eval("a", g, {"a": 2})
# ---
eval("len('abc')", {})
# ---
eval("undefined_name")
# ---
eval("undefined_name", {})
# ---
eval("x = 1")
# ---
eval("1 +")
# ---
eval("")
# ---
eval(b"2 ** 10")
# ---
eval(42)
# ---
eval()
# ---
eval("1", {}, {}, {})
# ---
eval("1", [])
# ---
eval("1", {}, 5)
# ---
eval("1", globals=None)
# ---
eval("a\0")
# ---
exec("y = 5")
y
# ---
r = exec("1 + 1")
r
# ---
exec("def f(n):\n    return n * 2\nz = f(21)")
(z, f(5))
# ---
ns = {}
exec("a = 1\nb = a + 1", ns)
(ns["a"], ns["b"], "__builtins__" in ns)
# ---
ns = {}
exec("import math\nv = math.sqrt(16)", ns)
ns["v"]
# ---
g = {}
l = {}
exec("q = 3", g, l)
("q" in g, l)
# ---
g = {"base": 100}
exec("def add(n):\n    return base + n\n", g)
add = g["add"]
g["base"] = 1
add(1)
# ---
g = {}
exec("counter = 0\ndef bump():\n    global counter\n    counter += 1\n    return counter\n", g)
g["bump"](); g["bump"]()
g["counter"]
# ---
g = {}
exec("def f():\n    return hidden\n", g)
g["f"]()
# ---
g = {}
exec("class A:\n    k = 3\n    def m(self):\n        return self.k + outer\nouter = 4\n", g)
g["A"]().m()
# ---
g = {}
exec("class A:\n    v = missing_name\n", g)
# ---
exec("x = ")
# ---
exec("return 1")
# ---
exec("yield 1")
# ---
exec("await x")
# ---
exec(" x = 1")
# ---
exec("def f(:\n    pass")
# ---
exec("if True:\npass")
# ---
exec(1)
# ---
exec()
# ---
exec("x", [])
# ---
exec("x", {}, 1)
# ---
exec("x", globals={})
# ---
exec("a\0")
# ---
try:
    exec("1/0")
except ZeroDivisionError as e:
    r = str(e)
r
# ---
try:
    exec("x = (")
except SyntaxError as e:
    r = (type(e).__name__, e.msg, e.lineno, e.filename)
r
# ---
try:
    exec("  x = 1")
except SyntaxError as e:
    r = (type(e).__name__, e.msg, e.lineno)
r
# ---
try:
    eval("1 +* 2")
except SyntaxError as e:
    r = (e.msg, e.lineno, e.offset, e.text)
r
# ---
def f():
    a = 5
    return eval("a + 1")
f()
# ---
def f():
    a = 5
    exec("a = 99")
    return a
f()
# ---
def f():
    a = 5
    exec("b = a * 2")
    return "b" in globals()
f()
# ---
def f():
    n = 3
    return eval("[n * i for i in range(3)]")
f()
# ---
exec("exec('inner = 7')")
inner
# ---
g = {}
exec("exec('v = 1')\nw = v + 1", g)
(g["v"], g["w"])
# ---
eval("eval('1 + 1') + 1")
# ---
code = compile("p = 6 * 7", "<mine>", "exec")
exec(code)
p
# ---
c = compile("6 * 7", "<mine>", "eval")
eval(c)
# ---
c = compile("6 * 7", "<mine>", "eval")
exec(c)
# ---
c = compile("q = 1", "f", "exec")
eval(c)
# ---
compile("1", "f", "bad")
# ---
compile(1, "f", "exec")
# ---
compile("1", 1, "exec")
# ---
compile("1", "f", "exec", 1 << 30)
# ---
compile("x =", "f", "exec")
# ---
compile("x = 1", "f", "eval")
# ---
compile()
# ---
compile("1")
# ---
compile("1", "f")
# ---
try:
    compile("(", "myfile.py", "exec")
except SyntaxError as e:
    r = (e.filename, e.lineno)
r
# ---
c = compile("1 + 1\n'text'\nNone\n", "<s>", "single")
# ---
exec(compile("2 + 3", "<s>", "single"))
# ---
exec(compile("x = 5", "<s>", "single"))
x
# ---
ns = {}
exec(compile("for i in range(3):\n    v = i\n", "<s>", "exec"), ns)
ns["v"]
# ---
g = {}
exec("del_me = 1\ndel del_me", g)
"del_me" in g
# ---
exec("del nothing_here", {})
# ---
exec("x = [1, 2]\nx += [3]\nfor i in x:\n    pass\nwith_i = i")
(x, with_i)
# ---
g = {}
exec("try:\n    1/0\nexcept ZeroDivisionError as err:\n    caught = str(err)\n", g)
g["caught"]
# ---
g = {}
exec("f = lambda n: n + offset\noffset = 10\n", g)
g["f"](1)
# ---
g = {}
exec("gen = (i * k for i in range(3))\nk = 2\n", g)
list(g["gen"])
# ---
g = {}
exec("def deco(fn):\n    fn.tag = 'x'\n    return fn\n@deco\ndef h():\n    return 1\n", g)
g["h"].tag
# ---
g = {}
exec("def outer():\n    v = 1\n    def inner():\n        nonlocal v\n        v += 1\n        return v\n    return inner\n", g)
i = g["outer"]()
(i(), i())
# ---
g = {}
exec("import json\ndef dump(x):\n    return json.dumps(x)\n", g)
g["dump"]({"a": 1})
# ---
g = {"__builtins__": {"len": None}}
eval("len('ab') + 1", g)
# ---
exec("global gx\ngx = 1", {}, {})
# ---
g = {}
l = {}
exec("global gy\ngy = 2\nly = 3", g, l)
(g.get("gy"), l)
# ---
x = 1
globals()["x"] = 2
x
# ---
globals()["fresh_name"] = "made"
fresh_name
# ---
a_global = 3
"a_global" in globals()
# ---
a_global = 3
globals().get("a_global")
# ---
globals().get("nope", "dflt")
# ---
x = 1
del globals()["x"]
x
# ---
globals().update({"u1": 1, "u2": 2})
u1 + u2
# ---
globals().setdefault("sd", 5)
sd
# ---
v = 9
globals().pop("v")
"v" in globals()
# ---
def f():
    return globals()["gname"]
gname = "found"
f()
# ---
def f():
    globals()["set_in_f"] = 1
f()
set_in_f
# ---
def f(a, b=2):
    c = a + b
    return locals()
f(1)
# ---
def f():
    x = 1
    l = locals()
    l["x"] = 100
    return x
f()
# ---
def f():
    x = 1
    def g():
        return x
    return sorted(locals())
f()
# ---
class C:
    a = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
C.names
# ---
z1 = 4
locals()["z1"]
# ---
locals() is globals()
# ---
globals(1)
# ---
locals(1)
# ---
g = {}
exec("r = globals() is g2", {"g2": g}) or None
# ---
g = {}
exec("me = globals()", g)
g["me"] is g
# ---
g = {}
l = {}
exec("mine = locals()", g, l)
l["mine"] is l
# ---
g = {}
exec("def f():\n    return globals()\n", g)
g["f"]() is g
# ---
eval("__name__", {})
# ---
g = {}
exec("x = __name__", g)
g["x"]
# ---
s = "1 + " * 5 + "1"
eval(s)
# ---
class S(str):
    def __str__(self):
        return "999"
eval(S("2 + 2"))
# ---
class D(dict):
    pass
eval("a + b", D(a=1), D(b=2))
# ---
g = {}
exec("r = [i * 2 for i in range(3)]\ns = {k: v for k, v in zip('ab', r)}", g)
(g["r"], g["s"], "i" in g, "k" in g)
# ---
g = {}
exec("r = [y := n for n in range(3)]", g)
(g["r"], g["y"])
# ---
g = {}
exec("import math as m, json\nfrom math import floor as fl\nr = fl(m.pi) + len(json.dumps([]))", g)
(g["r"], sorted(k for k in g if not k.startswith("__")))
# ---
g = {}
exec("class A:\n    pass\nclass B(A):\n    def who(self):\n        return super().__class__.__name__ + type(self).__name__\n", g)
g["B"]().who()
# ---
g = {}
exec("x = 1\ndef f():\n    x = 2\n    def h():\n        return x\n    return h()\n", g)
(g["f"](), g["x"])
# ---
g = {}
exec("while True:\n    break\nelse:\n    pass\nfor q in range(2):\n    continue\nwith_q = q", g)
g["with_q"]
# ---
g = {}
exec("match [1, 2]:\n    case [a, b]:\n        got = a + b\n", g)
(g["got"], g["a"])
# ---
g = {}
exec("try:\n    raise ValueError('v')\nexcept ValueError as err:\n    m = str(err)\n", g)
(g["m"], "err" in g)
# ---
g = {}
exec("def gen():\n    yield from range(3)\nout = list(gen())\n", g)
g["out"]
# ---
g = {}
exec("n = 0\ndef inc():\n    global n\n    n += 1\ninc(); inc()\n", g)
g["n"]
# ---
g = {}
exec("async def co():\n    return 5\nimport asyncio\nres = asyncio.run(co())\n", g)
g["res"]
# ---
x = 3
exec("x += 1")
x
# ---
exec("del gone", {"gone": 1})
# ---
def f():
    exec("print(locals().get('a'))")
    a = 1
    exec("print(locals().get('a'))")
f()
