# global / nonlocal and name resolution edge cases
counter = 0
def bump():
    global counter
    counter += 1
    return counter
[bump(), bump(), counter]
# ---
def create():
    global created
    created = "made by function"
create()
created
# ---
def read_before():
    return later
later = "assigned after def"
read_before()
# ---
x = "global"
def f():
    x = "local"
    def g():
        global x
        return x
    return (g(), x)
f()
# ---
x = "global"
def f():
    x = "enclosing"
    def g():
        return x
    return g()
f()
# ---
def outer():
    n = 0
    def mid():
        def inner():
            nonlocal n
            n += 10
        inner()
        return n
    return (mid(), mid(), n)
outer()
# ---
def outer():
    a = 1
    def mid():
        nonlocal a
        a = 2
        def inner():
            nonlocal a
            a = 3
        inner()
        return a
    return (mid(), a)
outer()
# ---
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc()
inc()
get()
# ---
def f(p):
    def g():
        nonlocal p
        p = p * 2
    g()
    g()
    return p
f(3)
# ---
fs = [lambda: i for i in range(3)]
[fn() for fn in fs]
# ---
fs = [lambda i=i: i for i in range(3)]
[fn() for fn in fs]
# ---
def f():
    y = x
    x = 1
    return y
x = 0
f()
# ---
def f():
    n = len("abc")
    len = 3
    return n
f()
# ---
def f():
    list = [1, 2]
    return list
[f(), list("ab")]
# ---
len = lambda x: "shadowed"
a = len([1, 2, 3])
del len
[a, len([1, 2, 3])]
# ---
def f():
    global g_del
    g_del = 1
    del g_del
f()
g_del
# ---
def outer():
    v = "set"
    def inner():
        nonlocal v
        del v
    inner()
    return v
outer()
# ---
def outer():
    def inner():
        return v
    v = "defined after inner"
    return inner()
outer()
# ---
def outer():
    def inner():
        return v
    r = None
    try:
        r = inner()
    except NameError as e:
        r = (type(e).__name__, str(e))
    v = 1
    return r
outer()
# ---
x = 5
def f():
    return [x for x in range(3)], x
f()
# ---
x = "module"
[x for x in "ab"]
x
# ---
def f():
    data = [1, 2, 3]
    if any([(found := v) > 1 for v in data]):
        return found
f()
# ---
total = [y := 10, y * 2]
[total, y]
# ---
def f():
    [(last := n) for n in range(4)]
    return last
f()
# ---
try:
    raise KeyError("k")
except KeyError as err:
    pass
try:
    err
except NameError as e:
    r = str(e)
r
# ---
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    return e
f()
# ---
def fact():
    def go(n):
        return 1 if n <= 1 else n * go(n - 1)
    return go(6)
fact()
# ---
def outer():
    x = 1
    def inner():
        global x
        x = "global from inner"
    inner()
    return x
r = outer()
[r, x]
# ---
global g_top
g_top = 3
g_top
# ---
def f():
    global undefined_global_name
    return undefined_global_name
f()
# ---
def outer():
    x = 1
    def a():
        nonlocal x
        x += 1
        return x
    def b():
        nonlocal x
        x *= 10
        return x
    return [a(), b(), a(), x]
outer()
# ---
def gen_adders():
    out = []
    for n in range(3):
        def add(v, n=n):
            return v + n
        out.append(add)
    return [f(10) for f in out]
gen_adders()
# ---
def outer():
    items = []
    def add(v):
        items.append(v)
    add(1)
    add(2)
    return items
outer()
