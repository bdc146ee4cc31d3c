# a closure captures a variable of its enclosing function
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
[add5(1), add10(1), make_adder(0)(0)]
# ---
# nonlocal lets a closure rebind the captured variable
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = counter()
c2 = counter()
[c1(), c1(), c1(), c2()]
# ---
# two closures share one cell
def pair():
    value = 0
    def get():
        return value
    def put(v):
        nonlocal value
        value = v
    return get, put
get, put = pair()
before = get()
put(42)
[before, get()]
# ---
# closures see the variable, not its value at creation time
def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
make()
# ---
# a default argument freezes the value at creation time
fs = [lambda i=i: i * 10 for i in range(3)]
[f() for f in fs]
# ---
# global inside a function rebinds the module-level name
total = 0
def add(n):
    global total
    total += n
    return total
add(5)
add(7)
[total, add(0)]
# ---
# global can create a new module-level name
def define():
    global created
    created = 'made inside'
define()
created
# ---
# nested closures three levels deep
def a(x):
    def b(y):
        def c(z):
            return x + y + z
        return c
    return b
[a(1)(2)(3), a('x')('y')('z')]
# ---
# nonlocal reaches through an intermediate function
def outer():
    n = 0
    def middle():
        def inner():
            nonlocal n
            n += 10
        inner()
        inner()
        return n
    return middle()
outer()
# ---
# a closure over a loop variable in a comprehension of lambdas
adders = [(lambda x, k=k: x + k) for k in range(4)]
[f(100) for f in adders]
# ---
# a closure captures a mutable object and mutates it without nonlocal
def make_log():
    entries = []
    def log(msg):
        entries.append(msg)
        return len(entries)
    return log, entries
log, entries = make_log()
log('a')
log('b')
entries
# ---
# memoization with a closure-held dict
def memoize(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
calls = []
def slow_square(n):
    calls.append(n)
    return n * n
fast = memoize(slow_square)
[fast(4), fast(4), fast(5), calls]
# ---
# function composition with closures
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
[inc_then_double(3), compose()(7), compose(str, abs)(-5)]
# ---
# a local variable shadows a global of the same name
x = 'global'
def f():
    x = 'local'
    return x
[f(), x]
# ---
# a parameter shadows a closure variable
def outer():
    v = 'outer'
    def inner(v):
        return v
    return inner('param')
outer()
# ---
# reading a free variable before the enclosing function assigns it raises NameError
def outer():
    def inner():
        return later
    r = inner()
    later = 1
    return r
outer()
# ---
# nonlocal variable unbound when read raises NameError
def outer():
    def inner():
        nonlocal v
        return v
    x = inner()
    v = 1
    return x
outer()
# ---
# a closure over a variable deleted in the enclosing scope raises NameError
def outer():
    v = 1
    def inner():
        return v
    del v
    return inner()
outer()
# ---
# recursion through a closure
def make_counter_down():
    def down(n, acc):
        if n == 0:
            return acc
        return down(n - 1, acc + [n])
    return down
make_counter_down()(4, [])
# ---
# reading a deleted captured variable in its own scope raises UnboundLocalError
def outer():
    v = 1
    def inner():
        return v
    del v
    return v
outer()
# ---
# closures built in a loop inside a function, each with its own cell
def make_all():
    fs = []
    for i in range(3):
        def bind(j):
            return lambda: j * j
        fs.append(bind(i))
    return fs
[f() for f in make_all()]
# ---
# a global statement at module level is allowed and changes nothing
global g
g = 1
def read():
    return g
[g, read()]
