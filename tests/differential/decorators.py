# decorators on functions: with arguments, stacked, evaluation order
def deco(f):
    def wrapper(*args, **kwargs):
        return ("wrapped", f(*args, **kwargs))
    return wrapper
@deco
def add(a, b):
    return a + b
add(1, 2)
# ---
def repeat(n):
    def deco(f):
        def wrapper(*args):
            return [f(*args) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
hello("bob")
# ---
def tag(label):
    def deco(f):
        def wrapper(x):
            return f"<{label}>{f(x)}</{label}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
@tag("u")
def text(x):
    return x.upper()
text("a")
# ---
order = []
def make(name):
    order.append(("make", name))
    def deco(f):
        order.append(("apply", name))
        return f
    return deco
@make("outer")
@make("middle")
@make("inner")
def f():
    pass
order
# ---
registry = {}
def register(name, *, kind="cmd"):
    def deco(f):
        registry[name] = (kind, f.__name__)
        return f
    return deco
@register("go")
def go():
    return 1
@register("stop", kind="admin")
def stop():
    return 2
[registry, go(), stop()]
# ---
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib(80)
# ---
def counted(f):
    calls = 0
    def wrapper(*args):
        nonlocal calls
        calls += 1
        return (calls, f(*args))
    return wrapper
@counted
def sq(x):
    return x * x
[sq(2), sq(3), sq(4)]
# ---
def deco(f):
    return None
@deco
def gone():
    return 1
gone
# ---
def deco(f):
    return 42
@deco
def answer():
    pass
answer + 1
# ---
@(lambda f: f())
def value():
    return "computed once"
value
# ---
decos = [lambda f: (lambda x: f(x) * 2), lambda f: (lambda x: f(x) + 1)]
@decos[0]
@decos[1]
def g(x):
    return x
g(10)
# ---
table = {"double": lambda f: (lambda x: 2 * f(x))}
@table["double"]
def h(x):
    return x + 1
h(4)
# ---
@5
def broken():
    pass
# ---
def failing(f):
    raise ValueError("bad decorator for " + f.__name__)
@failing
def victim():
    pass
# ---
def outer():
    def deco(f):
        def w(*a, **k):
            return ("w", f(*a, **k))
        return w
    @deco
    def inner(a, b=2, *, c=3):
        return a + b + c
    return [inner(1), inner(1, 1, c=1)]
outer()
# ---
def deco_with_defaults(prefix="[", suffix="]"):
    def deco(f):
        def w(*a):
            return prefix + str(f(*a)) + suffix
        return w
    return deco
@deco_with_defaults()
def one():
    return 1
@deco_with_defaults(suffix=">", prefix="<")
def two():
    return 2
[one(), two()]
# ---
def validate(*types):
    def deco(f):
        def w(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError(f"{f.__name__}: expected {t.__name__}, got {type(a).__name__}")
            return f(*args)
        return w
    return deco
@validate(int, str)
def pair(n, s):
    return s * n
results = [pair(2, "ab")]
try:
    pair("x", "y")
except TypeError as e:
    results.append(str(e))
results
# ---
log = []
def trace(f):
    def w(*a):
        log.append(("call", f.__name__, a))
        r = f(*a)
        log.append(("ret", f.__name__, r))
        return r
    return w
@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
[fact(3), log]
# ---
def retry(times):
    def deco(f):
        def w():
            errors = []
            for i in range(times):
                try:
                    return (f(i), errors)
                except ValueError as e:
                    errors.append(str(e))
            raise RuntimeError(f"failed {times} times")
        return w
    return deco
@retry(3)
def flaky(attempt):
    if attempt < 2:
        raise ValueError(f"attempt {attempt}")
    return "ok"
flaky()
# ---
def retry(times):
    def deco(f):
        def w():
            for i in range(times):
                try:
                    return f()
                except ValueError:
                    pass
            raise RuntimeError(f"failed {times} times")
        return w
    return deco
@retry(2)
def never():
    raise ValueError("no")
never()
# ---
def identity(f):
    return f
@identity
@identity
def named():
    return named.__name__
named()
# ---
def deco(f):
    def wrapper():
        return f.__name__ + " via " + wrapper.__name__
    return wrapper
@deco
def original():
    pass
[original(), original.__name__]
