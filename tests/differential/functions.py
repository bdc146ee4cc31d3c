# a function with positional and default parameters
def greet(name, greeting='Hello', punct='!'):
    return f'{greeting}, {name}{punct}'
[greet('Ann'), greet('Bob', 'Hi'), greet('Cy', punct='?'), greet(punct='.', name='Di')]
# ---
# a function without return gives None; bare return too
def f():
    x = 1
def g():
    return
[f(), g()]
# ---
# returning several values makes a tuple
def divmod2(a, b):
    return a // b, a % b
q, r = divmod2(17, 5)
[divmod2(17, 5), q, r]
# ---
# *args collects extra positionals into a tuple
def f(a, *args):
    return [a, args, type(args).__name__]
[f(1), f(1, 2, 3), f(*range(4))]
# ---
# **kwargs collects extra keywords into a dict, in call order
def f(a, **kwargs):
    return [a, kwargs]
[f(1), f(1, z=3, b=2), f(a=0, c=1)]
# ---
# keyword-only parameters after * and after *args
def f(a, *, key, flag=False):
    return [a, key, flag]
def g(*items, sep=','):
    return sep.join(items)
[f(1, key=2), f(1, flag=True, key=0), g('a', 'b'), g('a', 'b', sep='-')]
# ---
# positional-only parameters before /
def f(a, b, /, c, *, d=4):
    return [a, b, c, d]
def g(a, /, **kw):
    return [a, kw]
[f(1, 2, 3), f(1, 2, c=3, d=0), g(1, a=2)]
# ---
# the full parameter list in one signature
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return [a, b, c, args, d, e, kw]
[f(1, d=4), f(1, 20, 30, 40, 50, d=4, z=6), f(0, c=9, d=8, e=7, x=6)]
# ---
# defaults are evaluated once, at definition time
n = 10
def f(x=n):
    return x
n = 20
f()
# ---
# a mutable default is shared between calls
def append_to(item, target=[]):
    target.append(item)
    return target
append_to(1)
append_to(2)
append_to(3, [])
append_to(4)
# ---
# lambdas with defaults, varargs and keyword-only parameters
add = lambda a, b=10: a + b
spread = lambda *a, **k: [a, k]
kwonly = lambda *, x: x * 2
[add(1), add(1, 2), spread(1, y=2), kwonly(x=4), (lambda: 'const')()]
# ---
# functions are values: stored, passed and returned
def square(x):
    return x * x
def twice(f, x):
    return f(f(x))
ops = {'sq': square, 'neg': lambda x: -x}
[twice(square, 3), ops['neg'](5), twice(ops['neg'], 7), [f(2) for f in ops.values()]]
# ---
# recursion
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
[fact(0), fact(10), fact(25), [fib(i) for i in range(12)]]
# ---
# mutual recursion
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
[is_even(10), is_odd(7), is_even(3)]
# ---
# a function sees globals assigned after it was defined
def f():
    return later * 2
later = 21
f()
# ---
# a function's __name__ and callable()
def my_func():
    pass
[my_func.__name__, (lambda: 0).__name__, callable(my_func), callable(len), callable(5)]
# ---
# arguments are passed by object reference
def mutate(l, n):
    l.append(n)
    n = n + 1
    l = ['rebound']
    return n
items = []
k = 1
r = mutate(items, k)
[items, k, r]
# ---
# default arguments can refer to earlier globals and calls
base = [1, 2]
def f(x=len(base), y=sum(base)):
    return x + y
f()
# ---
# missing positional argument raises TypeError
def f(a, b):
    return a + b
f(1)
# ---
# two missing positional arguments raises TypeError
def f(a, b, c):
    return a
f(1)
# ---
# too many positional arguments raises TypeError
def f(a, b=1):
    return a
f(1, 2, 3)
# ---
# too many positional arguments when some are keyword-only raises TypeError
def f(a, *, b=1):
    return a
f(1, 2)
# ---
# unexpected keyword argument raises TypeError
def f(a):
    return a
f(1, z=2)
# ---
# multiple values for one argument raises TypeError
def f(a, b):
    return a
f(1, a=2)
# ---
# missing keyword-only argument raises TypeError
def f(a, *, key):
    return a
f(1)
# ---
# positional-only passed by keyword raises TypeError
def f(a, /, b):
    return a
f(a=1, b=2)
# ---
# a function taking no arguments given one raises TypeError
def f():
    return 0
f(1)
# ---
# a lambda called with too few arguments raises TypeError
sq = lambda x: x * x
sq()
# ---
# a nested function's error names its qualified name: raises TypeError
def outer():
    def inner(x):
        return x
    return inner()
outer()
# ---
# assigning a name later in the function makes it local: raises UnboundLocalError
x = 1
def f():
    y = x
    x = 2
    return y
f()
# ---
# augmented assignment to a global without a declaration raises UnboundLocalError
count = 0
def bump():
    count += 1
bump()
# ---
# calling a non-callable raises TypeError
x = 5
x()
# ---
# calling None raises TypeError
f = None
f(1)
# ---
# an undefined function name raises NameError
undefined_function(1)
# ---
# a global used before assignment raises NameError
def f():
    return not_yet
f()
# ---
# a deleted local raises UnboundLocalError
def f():
    x = 1
    del x
    return x
f()
