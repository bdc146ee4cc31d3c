# generator expressions are lazy
calls = []
def f(x):
    calls.append(x)
    return x
g = (f(x) for x in range(5))
a = next(g)
b = next(g)
[a, b, calls]
# ---
# errors in later clauses appear when consumed: raises TypeError
g = (y for x in [1] for y in x)
print('created')
list(g)
# ---
# a generator function yields values in order
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
list(count(4))
# ---
# return value becomes StopIteration.value
def g():
    yield 1
    return 'done'
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    r = e.value
r
# ---
# send delivers values into the generator
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
a = acc()
[next(a), a.send(5), a.send(10), a.send(1)]
# ---
# sending a non-None value to a just-started generator raises TypeError
def g():
    yield 1
g().send(3)
# ---
# next with a default on an exhausted generator
def g():
    yield 1
it = g()
[next(it), next(it, 'empty'), next(it, 'again')]
# ---
# yield from delegates and returns the sub-generator's value
def inner():
    yield 1
    yield 2
    return 'inner-done'
def outer():
    r = yield from inner()
    yield r
list(outer())
# ---
# yield from over a list
def g():
    yield from [1, 2, 3]
    yield from 'ab'
list(g())
# ---
# throw raises inside the generator at the yield
def g():
    try:
        yield 1
    except KeyError as e:
        yield 'caught ' + repr(e)
    yield 'after'
it = g()
[next(it), it.throw(KeyError('k')), next(it)]
# ---
# an uncaught throw propagates to the caller: raises ValueError
def g():
    yield 1
it = g()
next(it)
it.throw(ValueError('boom'))
# ---
# close runs the finally block
log = []
def g():
    try:
        yield 1
        yield 2
    finally:
        log.append('finally')
it = g()
next(it)
it.close()
[log, next(it, 'closed')]
# ---
# a generator that ignores GeneratorExit: raises RuntimeError
def g():
    try:
        yield 1
    except GeneratorExit:
        pass
    yield 2
it = g()
next(it)
it.close()
# ---
# StopIteration inside a generator becomes RuntimeError (PEP 479)
def g():
    yield 1
    raise StopIteration('x')
list(g())
# ---
# generators in for loops, sum, zip, enumerate, sorted, dict
def squares(n):
    for i in range(n):
        yield i * i
[sum(squares(5)), list(zip(squares(3), 'abc')), list(enumerate(squares(3))), sorted(squares(4), reverse=True), dict((k, k) for k in squares(3))]
# ---
# generators are iterators: iter(g) is g and they are exhausted once
def g():
    yield 1
    yield 2
it = g()
[iter(it) is it, list(it), list(it)]
# ---
# infinite generator consumed lazily
def naturals():
    n = 0
    while True:
        yield n
        n += 1
out = []
for x in naturals():
    if x > 4:
        break
    out.append(x)
out
# ---
# any / all short-circuit over generator expressions
seen = []
def check(x):
    seen.append(x)
    return x > 2
[any(check(x) for x in range(10)), seen]
# ---
# generator closures see later bindings
def make():
    items = [1, 2]
    g = (x * factor for x in items)
    factor = 10
    return list(g)
make()
# ---
# a generator keeps its local state between yields
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
it = fib()
[next(it) for _ in range(10)]
# ---
# an exception inside a generator propagates to the consumer: raises ZeroDivisionError
def g():
    yield 1
    yield 1 / 0
list(g())
# ---
# nested generator pipelines
def numbers():
    yield from range(10)
def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x
def doubled(xs):
    for x in xs:
        yield x * 2
list(doubled(evens(numbers())))
# ---
# the type of a generator
def g():
    yield 1
[type(g()).__name__, type(x for x in []).__name__]
# ---
# yield inside try/finally with return
def g():
    try:
        yield 1
        return 5
    finally:
        print('cleanup')
list(g())
# ---
# a running generator cannot be resumed from inside itself: raises ValueError
def g():
    yield next(me)
me = g()
next(me)
# ---
# yield as an expression without a value
def g():
    x = yield
    y = yield x
    yield (x, y)
it = g()
next(it)
[it.send('a'), it.send('b')]
# ---
# throw() reaches the delegate of `yield from`: its handler keeps the delegation going
def guarded():
    try:
        yield 'one'
    except ValueError:
        yield 'handled'
    yield 'two'
def wrapper():
    r = yield from guarded()
    yield 'end'
g = wrapper()
[next(g), g.throw(ValueError('x')), next(g), next(g)]
# ---
# throw() into a delegate that returns: the value becomes the result of `yield from`
def sub():
    try:
        yield 1
    except KeyError:
        return 'ret'
def top():
    r = yield from sub()
    yield r
g = top()
[next(g), g.throw(KeyError('k'))]
# ---
# a delegate that does not handle the throw propagates it into the delegator
def sub():
    yield 'a'
def top():
    try:
        yield from sub()
    except ValueError as exc:
        yield 'outer caught ' + str(exc)
g = top()
[next(g), g.throw(ValueError('deep'))]
# ---
# close() runs the delegate's finally before the delegator's
trace = []
def sub():
    try:
        yield 1
    finally:
        trace.append('sub')
def top():
    try:
        yield from sub()
    finally:
        trace.append('top')
g = top()
next(g)
g.close()
trace
