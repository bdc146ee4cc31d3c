# attributes on functions: counters in decorators
import functools
def counted(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper
@counted
def add(a, b):
    """Add two numbers."""
    return a + b
add(1, 2)
add(3, 4)
[add.calls, add.__name__, add.__wrapped__(5, 6), add.__wrapped__.__name__, hasattr(add, 'missing'), getattr(add, 'calls'), sorted(vars(add))]
# ---
# function attributes: set, read, delete, vars()
def f():
    return f.state
f.state = 'ready'
f.tags = ['a']
f.tags.append('b')
r = [f(), f.tags, sorted(vars(f))]
del f.state
r.append(hasattr(f, 'state'))
f.__name__ = 'renamed'
r.append(f.__name__)
r
# ---
# deleting a missing function attribute
def g():
    pass
del g.nothing
# ---
# functools.wraps copies the wrapped function's attributes
import functools
def base():
    pass
base.flag = True
@functools.wraps(base)
def w():
    pass
[w.flag, w.__wrapped__ is base, w.__name__]
