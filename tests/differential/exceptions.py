# try/except catches and binds the exception
try:
    {}['k']
except KeyError as e:
    r = ['caught', type(e).__name__, str(e), e.args]
r
# ---
# else runs when no exception happened, finally always runs
log = []
for d in [2, 0]:
    try:
        v = 10 // d
    except ZeroDivisionError:
        log.append('except')
    else:
        log.append(f'else {v}')
    finally:
        log.append('finally')
log
# ---
# LookupError catches KeyError and IndexError
out = []
for thunk in [lambda: {}['x'], lambda: [][0], lambda: 'abc'[9]]:
    try:
        thunk()
    except LookupError as e:
        out.append(type(e).__name__)
out
# ---
# ArithmeticError catches ZeroDivisionError and OverflowError
out = []
for thunk in [lambda: 1 / 0, lambda: 2.0 ** 5000, lambda: 5 % 0]:
    try:
        thunk()
    except ArithmeticError as e:
        out.append(type(e).__name__)
out
# ---
# Exception catches everything ordinary; isinstance follows the hierarchy
e = None
try:
    int('nope')
except Exception as exc:
    e = exc
[type(e).__name__, isinstance(e, ValueError), isinstance(e, Exception), isinstance(e, BaseException), isinstance(e, LookupError)]
# ---
# the exception hierarchy of common built-ins
pairs = [(KeyError, LookupError), (IndexError, LookupError), (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (UnboundLocalError, NameError), (NotImplementedError, RuntimeError), (RecursionError, RuntimeError), (StopIteration, Exception), (AssertionError, Exception), (Exception, BaseException)]
[isinstance(sub(), sup) for sub, sup in pairs]
# ---
# except with a tuple of types
out = []
for v in ['1', 'x', None]:
    try:
        out.append(int(v))
    except (TypeError, ValueError) as e:
        out.append(type(e).__name__)
out
# ---
# the first matching handler wins
def classify(f):
    try:
        f()
    except KeyError:
        return 'key'
    except LookupError:
        return 'lookup'
    except Exception:
        return 'other'
    return 'none'
[classify(lambda: {}[1]), classify(lambda: [][1]), classify(lambda: 1 / 0), classify(lambda: 0)]
# ---
# an unmatched exception propagates through try/except: raises IndexError
try:
    [][0]
except KeyError:
    r = 'wrong handler'
# ---
# raise with an instance, a class, and a message
out = []
for make in [lambda: ValueError('bad value'), lambda: ValueError, lambda: KeyError('k'), lambda: RuntimeError('a', 2)]:
    try:
        raise make()
    except Exception as e:
        out.append((type(e).__name__, str(e), e.args))
out
# ---
# raising a ValueError with a message escapes the sandbox: raises ValueError
raise ValueError('invalid input: -1')
# ---
# raising a class without arguments: raises NotImplementedError
raise NotImplementedError
# ---
# bare raise inside a handler raises KeyError again
try:
    {}['lost']
except KeyError:
    x = 'handled partially'
    raise
# ---
# bare raise outside a handler raises RuntimeError
raise
# ---
# raise from sets __cause__, seen by an outer handler
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as e:
    r = [str(e), type(e.__cause__).__name__, str(e.__cause__)]
r
# ---
# raise from propagates the outer exception: raises RuntimeError
try:
    int('x')
except ValueError as e:
    raise RuntimeError('could not parse') from e
# ---
# raising inside a handler chains __context__
try:
    try:
        [][1]
    except IndexError:
        {}['k']
except KeyError as e:
    r = [type(e).__name__, type(e.__context__).__name__]
r
# ---
# raise from None suppresses the context
try:
    try:
        [][1]
    except IndexError:
        raise KeyError('clean') from None
except KeyError as e:
    r = [e.__cause__, type(e.__context__).__name__, str(e)]
r
# ---
# the as-name is deleted after the handler
e = 'before'
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    e
except NameError as err:
    r = str(err)
r
# ---
# finally runs when the try block returns
log = []
def f():
    try:
        log.append('try')
        return 'from try'
    finally:
        log.append('finally')
[f(), log]
# ---
# return in finally overrides the return in try
def f():
    try:
        return 'try'
    finally:
        return 'finally'
f()
# ---
# return in finally swallows the exception
def f():
    try:
        1 / 0
    finally:
        return 'swallowed'
f()
# ---
# break in finally discards the exception
out = []
for i in range(3):
    try:
        out.append(i)
        raise ValueError(i)
    finally:
        break
out
# ---
# continue in finally discards the exception and keeps looping
out = []
for i in range(3):
    try:
        raise KeyError(i)
    finally:
        out.append(i)
        continue
out
# ---
# return, break and continue inside except
def first_int(items):
    for s in items:
        try:
            return int(s)
        except ValueError:
            continue
    return None
def until_bad(items):
    good = []
    for s in items:
        try:
            good.append(int(s))
        except ValueError:
            break
    return good
[first_int(['a', 'b', '7', '8']), first_int([]), until_bad(['1', '2', 'x', '3'])]
# ---
# finally runs on break and continue out of the try block
log = []
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        log.append(i)
    finally:
        log.append('f')
log
# ---
# an exception inside finally replaces the original: raises KeyError
try:
    1 / 0
finally:
    {}['from finally']
# ---
# an exception in an except handler propagates with its own type: raises TypeError
try:
    [][0]
except IndexError:
    None + 1
# ---
# exceptions propagate out of nested function calls
def a():
    return b()
def b():
    return c()
def c():
    return {'k': 1}['missing']
try:
    a()
except KeyError as e:
    r = 'caught at top: ' + str(e)
r
# ---
# an uncaught exception from a nested call: raises ZeroDivisionError
def inner(x):
    return 10 / x
def outer():
    return inner(0)
outer()
# ---
# nested try blocks handle at the right level
log = []
try:
    try:
        raise ValueError('inner')
    except TypeError:
        log.append('wrong')
    finally:
        log.append('inner finally')
except ValueError as e:
    log.append('outer ' + str(e))
log
# ---
# retrying an operation until it succeeds
attempts = []
def flaky(n):
    attempts.append(n)
    if n < 3:
        raise RuntimeError(f'attempt {n} failed')
    return 'ok'
result = None
for n in range(5):
    try:
        result = flaky(n)
        break
    except RuntimeError as e:
        last = str(e)
[result, attempts, last]
# ---
# exception args and str with several arguments
errors = [ValueError(), ValueError('one'), ValueError('a', 'b'), KeyError('k'), KeyError(), IndexError(3)]
[(str(e), e.args) for e in errors]
# ---
# repr of exceptions
[repr(ValueError('x')), repr(KeyError('k')), repr(TypeError()), repr(RuntimeError(1, 'two'))]
# ---
# raising a non-exception raises TypeError
raise 'not an exception'
# ---
# catching with a non-exception class raises TypeError
try:
    1 / 0
except 'oops':
    pass
# ---
# an exception raised inside a loop stops it: raises IndexError
items = [1, 2, 3]
i = 0
while True:
    items[i]
    i += 1
# ---
# StopIteration escapes like any other exception: raises StopIteration
it = iter([])
next(it)
# ---
# catching StopIteration from next()
it = iter([1])
out = [next(it)]
try:
    next(it)
except StopIteration as e:
    out.append(('stop', e.args))
out
# ---
# exception variables can be stored for later inspection
errors = []
for raw in ['1', 'two', '3', '']:
    try:
        int(raw)
    except ValueError as e:
        errors.append(e)
[str(e) for e in errors]
# ---
# a KeyError message with a non-string key is its repr
out = []
for key in [1, (1, 2), None, 'quote\'s']:
    try:
        {}[key]
    except KeyError as e:
        out.append(str(e))
out
# ---
# AttributeError on plain values raises AttributeError
(1).foo
# ---
# a missing method on a str raises AttributeError
'abc'.no_such_method()
# ---
# catching AttributeError and reading its message
out = []
for v in [[], {}, None, 1.5]:
    try:
        v.missing
    except AttributeError as e:
        out.append(str(e))
out
# ---
# assigning an attribute on a built-in value raises AttributeError
x = [1]
x.attr = 2
