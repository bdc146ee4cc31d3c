# with statements with context managers defined by sandbox classes
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
with CM(log, "a") as x:
    log.append(("body", x))
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
with CM(log, "a"):
    log.append("body")
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
try:
    with CM(log, "a"):
        raise ValueError("boom")
except ValueError as e:
    log.append(("caught", str(e)))
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
with CM(log, "a", True):
    raise KeyError("k")
log.append("after")
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
with CM(log, "a") as a, CM(log, "b") as b:
    log.append((a, b))
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
try:
    with CM(log, "a") as a, CM(log, "b") as b:
        raise IndexError("i")
except IndexError:
    log.append("caught")
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
with CM(log, "a") as a, CM(log, "b", True) as b:
    raise IndexError("i")
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def f():
    with CM(log, "a"):
        return "ret"
[f(), log]
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def f():
    with CM(log, "a", True):
        raise ValueError("v")
    return "after"
[f(), log]
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
for i in range(3):
    with CM(log, i):
        if i == 1:
            continue
        if i == 2:
            break
        log.append(("body", i))
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
i = 0
while True:
    i += 1
    with CM(log, i):
        if i < 3:
            continue
        break
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
with CM(log, "outer"):
    with CM(log, "inner", True):
        raise ValueError("x")
    log.append("between")
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
with CM(log, "ab") as (p, q):
    log.append((p, q))
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
try:
    with CM(log, "abc") as (p, q):
        log.append("unreachable")
except ValueError as e:
    log.append(("caught", str(e)))
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
d = {}
with CM(log, "v") as d["k"]:
    pass
[d, log]
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
try:
    raise KeyError("outer")
except KeyError:
    with CM(log, "a", True):
        raise ValueError("inner")
    log.append("handled")
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def f():
    try:
        with CM(log, "a"):
            return "from with"
    finally:
        log.append("finally")
[f(), log]
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def f():
    with CM(log, "a"):
        try:
            return "from try"
        finally:
            log.append("finally")
[f(), log]
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def f():
    for x in [1, 2]:
        with CM(log, x):
            for y in [10, 20]:
                with CM(log, y):
                    if y == 20:
                        return (x, y)
[f(), log]
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def f():
    with CM(log, "a"):
        with CM(log, "b"):
            raise ZeroDivisionError("z")
try:
    f()
except ZeroDivisionError:
    log.append("caught")
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
with CM(log, "a", True):
    with CM(log, "b"):
        1 / 0
log
# ---
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
x = 0
with CM(log, "a", True):
    x = 1
    raise ValueError
    x = 2
[x, log]
# ---
class OnlyEnter:
    def __enter__(self):
        return 1
with OnlyEnter():
    pass
# ---
class OnlyExit:
    def __exit__(self, *a):
        return False
with OnlyExit():
    pass
# ---
class Boom:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise RuntimeError("from exit")
try:
    with Boom():
        raise ValueError("body")
except RuntimeError as e:
    r = (str(e), type(e.__context__).__name__, str(e.__context__))
r
# ---
class BadEnter:
    def __enter__(self):
        raise KeyError("enter")
    def __exit__(self, *a):
        log.append("exit must not run")
log = []
try:
    with BadEnter():
        log.append("body")
except KeyError as e:
    log.append(("caught", str(e)))
log
# ---
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return "yes"
with Truthy():
    raise ValueError
"suppressed by a truthy value"
# ---
class Tb:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        self.args = (t, v)
        return True
m = Tb()
with m:
    raise ValueError("v")
[m.args[0].__name__, str(m.args[1])]
# ---
# with and generators
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def gen():
    with CM(log, "g"):
        yield 1
        yield 2
g = gen()
next(g)
g.close()
log
# ---
# with and generators
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def gen():
    with CM(log, "g"):
        yield 1
        yield 2
[list(gen()), log]
# ---
# with and generators
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def gen():
    with CM(log, "g", True):
        yield 1
        raise ValueError("in gen")
    yield "after"
[list(gen()), log]
# ---
# with and generators
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def gen():
    with CM(log, "g"):
        x = yield 1
        log.append(("sent", x))
g = gen()
next(g)
try:
    g.send("hello")
except StopIteration:
    log.append("stop")
log
# ---
# with and generators
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def gen():
    with CM(log, "g"):
        yield 1
g = gen()
next(g)
try:
    g.throw(KeyError("thrown"))
except KeyError as e:
    log.append(("out", str(e)))
log
# ---
# with and generators
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def gen(items):
    for it in items:
        match it:
            case [k, v]:
                yield (k, v)
            case {"k": k, "v": v}:
                yield (k, v)
            case str(s):
                yield from s
[list(gen([[1, 2], {"k": 3, "v": 4}, "ab"])), log]
# ---
# with and generators
class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name
    def __exit__(self, t, v, tb):
        self.log.append(("exit", self.name, None if t is None else t.__name__, None if v is None else str(v)))
        return self.suppress
log = []
def gen():
    with CM(log, "outer"):
        for i in range(3):
            with CM(log, i):
                if i == 1:
                    return "done"
                yield i
g = gen()
out = [next(g)]
try:
    next(g)
except StopIteration as e:
    out.append(e.value)
[out, log]
