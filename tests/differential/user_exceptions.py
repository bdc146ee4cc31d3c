# raise and catch a user exception
class MyError(Exception):
    pass
try:
    raise MyError('boom')
except MyError as e:
    r = (type(e).__name__, str(e), e.args)
r
# ---
# uncaught user exception: type and message
class MyError(Exception):
    pass
raise MyError('bad thing', 2)
# ---
# catching a user exception by its base class
class AppError(Exception): pass
class DbError(AppError): pass
class NetError(AppError): pass
out = []
for cls in [DbError, NetError, AppError]:
    try:
        raise cls('x')
    except AppError as e:
        out.append(type(e).__name__)
out
# ---
# except clauses are checked in order; the first matching wins
class Base(Exception): pass
class Derived(Base): pass
def f(exc):
    try:
        raise exc
    except Derived:
        return 'derived'
    except Base:
        return 'base'
    except Exception:
        return 'exception'
(f(Derived()), f(Base()), f(ValueError()))
# ---
# catching with a tuple of user classes
class A(Exception): pass
class B(Exception): pass
out = []
for c in (A, B):
    try:
        raise c
    except (A, B) as e:
        out.append((type(e).__name__, e.args))
out
# ---
# custom __init__ calling super().__init__ with a message
class HttpError(Exception):
    def __init__(self, code, reason):
        super().__init__(f'{code} {reason}')
        self.code = code
        self.reason = reason
try:
    raise HttpError(404, 'Not Found')
except HttpError as e:
    r = (e.code, e.reason, str(e), e.args)
r
# ---
# uncaught exception with custom __init__ message
class HttpError(Exception):
    def __init__(self, code):
        super().__init__(f'status {code}')
        self.code = code
raise HttpError(500)
# ---
# custom __str__ used by str() and in the uncaught message
class E(Exception):
    def __init__(self, field):
        self.field = field
    def __str__(self):
        return f'invalid field {self.field!r}'
try:
    raise E('name')
except E as e:
    r = (str(e), e.field)
r
# ---
# custom __str__ is the message of an uncaught exception
class E(Exception):
    def __str__(self):
        return 'custom message'
raise E()
# ---
# subclassing ValueError is caught by except ValueError
class ParseError(ValueError):
    pass
try:
    raise ParseError('bad int')
except ValueError as e:
    r = (type(e).__name__, str(e), isinstance(e, ValueError), isinstance(e, Exception))
r
# ---
# subclassing KeyError keeps KeyError's repr-style str
class MissingKey(KeyError):
    pass
try:
    raise MissingKey('k')
except LookupError as e:
    r = (str(e), e.args)
r
# ---
# exception hierarchy mro and issubclass
class AppError(Exception): pass
class DbError(AppError): pass
class Timeout(DbError, TimeoutError): pass
([c.__name__ for c in Timeout.__mro__], issubclass(Timeout, OSError), issubclass(DbError, AppError))
# ---
# raise from sets __cause__
class WrapError(Exception): pass
try:
    try:
        int('x')
    except ValueError as inner:
        raise WrapError('wrapped') from inner
except WrapError as e:
    r = (str(e), type(e.__cause__).__name__, e.__suppress_context__, type(e.__context__).__name__)
r
# ---
# raise from None suppresses context
class E(Exception): pass
try:
    try:
        {}['a']
    except KeyError:
        raise E('clean') from None
except E as e:
    r = (e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
r
# ---
# implicit context when raising inside except
class E(Exception): pass
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise E('during')
except E as e:
    r = (type(e.__context__).__name__, e.__cause__)
r
# ---
# raising the class without calling it
class E(Exception): pass
try:
    raise E
except E as e:
    r = (e.args, str(e), type(e).__name__)
r
# ---
# exception with extra attributes and methods
class ValidationError(Exception):
    def __init__(self, errors):
        super().__init__(len(errors))
        self.errors = errors
    def summary(self):
        return '; '.join(f'{k}: {v}' for k, v in sorted(self.errors.items()))
try:
    raise ValidationError({'b': 'required', 'a': 'too long'})
except ValidationError as e:
    r = (e.args, e.summary())
r
# ---
# re-raise with bare raise preserves the user exception
class E(Exception): pass
log = []
try:
    try:
        raise E('inner')
    except E:
        log.append('handled once')
        raise
except E as e:
    log.append(str(e))
log
# ---
# repr of user exception instances
class E(Exception): pass
class F(E): pass
(repr(E('a')), repr(F(1, 2)), repr(E()))
# ---
# user exception not derived from BaseException cannot be raised
class NotAnError: pass
raise NotAnError()
# ---
# catching a non-exception class is a TypeError
class NotAnError: pass
try:
    1 / 0
except NotAnError:
    pass
# ---
# finally runs while a user exception propagates out of a function
class E(Exception): pass
log = []
def f():
    try:
        raise E('x')
    finally:
        log.append('finally')
try:
    f()
except E as e:
    log.append(('caught', str(e)))
log
# ---
# exceptions raised from methods and dunders keep their type
class StackEmpty(Exception): pass
class Stack:
    def __init__(self):
        self.items = []
    def pop(self):
        if not self.items:
            raise StackEmpty('pop from empty stack')
        return self.items.pop()
    def __getitem__(self, i):
        if i >= len(self.items):
            raise StackEmpty(f'no item {i}')
        return self.items[i]
s = Stack()
out = []
for thunk in [s.pop, lambda: s[3]]:
    try:
        thunk()
    except StackEmpty as e:
        out.append(str(e))
out
# ---
# exception args with multiple values and str()
class E(Exception): pass
e = E('a', 1, None)
(e.args, str(e), str(E()), str(E(5)))
# ---
# custom exception carrying a status code decides handling
class Retryable(Exception):
    def __init__(self, attempts):
        super().__init__('retry')
        self.attempts = attempts
attempts = 0
def op():
    global attempts
    attempts += 1
    if attempts < 3:
        raise Retryable(attempts)
    return 'done'
results = []
while True:
    try:
        results.append(op())
        break
    except Retryable as e:
        results.append(e.attempts)
results
# ---
# BaseException subclass is not caught by except Exception
class Stop(BaseException): pass
def f():
    try:
        raise Stop('halt')
    except Exception:
        return 'caught by Exception'
try:
    f()
except BaseException as e:
    r = ('caught by BaseException', type(e).__name__, str(e))
r
# ---
# attributes set on an exception instance survive raise and catch
class E(Exception): pass
e = E('m')
e.extra = 42
try:
    raise e
except E as caught:
    r = (caught is e, caught.extra)
r
# ---
# exception variable is cleared after the except block
class E(Exception): pass
try:
    raise E()
except E as err:
    pass
try:
    err
    r = 'still bound'
except NameError as ne:
    r = str(ne)
r
# ---
# custom __init__ without calling super keeps args from the call
class E(Exception):
    def __init__(self, a, b):
        self.total = a + b
e = E(1, 2)
(e.args, e.total, str(e))
# ---
# user exception subclassing a user exception with its own __init__
class Base(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
class NotFound(Base):
    def __init__(self, what):
        super().__init__(f'{what} not found', code=404)
try:
    raise NotFound('page')
except Base as e:
    r = (type(e).__name__, str(e), e.code, e.args)
r
# ---
# user exception raised from a generator method
class Done(Exception): pass
class Src:
    def items(self):
        yield 1
        yield 2
        raise Done('exhausted')
out = []
try:
    for x in Src().items():
        out.append(x)
except Done as e:
    out.append(str(e))
out
# ---
# raising an exception from __init__ of a class
class Invalid(Exception): pass
class Pos:
    def __init__(self, v):
        if v < 0:
            raise Invalid(f'negative: {v}')
        self.v = v
out = []
for v in [1, -2]:
    try:
        out.append(Pos(v).v)
    except Invalid as e:
        out.append(str(e))
out
# ---
# user exception with custom __repr__ and __str__
class E(Exception):
    def __repr__(self):
        return 'E!'
    def __str__(self):
        return 'e-str'
(repr(E()), str(E()), repr([E()]), f'{E()}')
