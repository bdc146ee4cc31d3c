# except* wraps a naked exception in a group; a bare raise re-raises that group
out = []
try:
    try:
        raise ValueError(1)
    except* ValueError as e:
        out.append(repr(e))
        raise
except ExceptionGroup as eg:
    out.append(repr(eg))
out
# ---
# a naked exception no clause matches propagates unwrapped
try:
    try:
        raise ValueError(1)
    except* TypeError:
        r = 'wrong'
except ValueError as e:
    r = repr(e)
r
# ---
# each clause takes its part; the handlers see split groups
out = []
try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2), OSError(3), ValueError(4)])
except* (ValueError, TypeError) as e:
    out.append(repr(e))
except* OSError as e:
    out.append(repr(e))
else:
    out.append('else')
finally:
    out.append('finally')
out
# ---
# a new exception from a handler is grouped with what no clause matched
try:
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError(3)
except ExceptionGroup as eg:
    r = [repr(eg), repr(eg.exceptions[0].__context__)]
r
# ---
# bare re-raises rebuild the original group's shape
try:
    try:
        raise ExceptionGroup('g', [ValueError(1), ExceptionGroup('h', [TypeError(2), KeyError(3)])])
    except* TypeError:
        pass
    except* KeyError:
        raise
except ExceptionGroup as eg:
    r = repr(eg)
r
# ---
# `raise e` of the match is a new raise, not a re-raise
out = []
for src in ('raise', 'raise e', 'raise e from None'):
    try:
        try:
            raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
        except* ValueError as e:
            if src == 'raise':
                raise
            elif src == 'raise e':
                raise e
            else:
                raise e from None
    except ExceptionGroup as eg:
        out.append(repr(eg))
out
# ---
# both re-raised and new exceptions
try:
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise KeyError('k')
except ExceptionGroup as eg:
    r = repr(eg)
r
# ---
# except* of an exception group type is a TypeError
out = []
for t in (ExceptionGroup, (ValueError, BaseExceptionGroup), 5):
    try:
        try:
            raise ExceptionGroup('g', [ValueError(1)])
        except* t:
            pass
    except TypeError as e:
        out.append(str(e))
out
# ---
# break and return inside a loop or function of the handler are fine
def f():
    total = 0
    for i in range(3):
        try:
            raise ValueError(i)
        except* ValueError as e:
            for j in range(5):
                if j == 2:
                    break
                total += j + e.exceptions[0].args[0]
    return total
f()
# ---
# BaseExceptionGroup for base exceptions; nested except* in a handler
out = []
try:
    raise KeyboardInterrupt
except* KeyboardInterrupt as e:
    out.append(type(e).__name__)
try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
except* ValueError:
    try:
        raise
    except* ValueError as inner:
        out.append(repr(inner))
except* TypeError as e:
    out.append(repr(e))
out
# ---
# split and subgroup take sandbox predicates; a subclass's derive shapes the parts
eg = ExceptionGroup('g', [ValueError(1), TypeError(2), ValueError(3)])
m, rest = eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + '!', excs)

try:
    raise MyEG('m', [ValueError(1), TypeError(2)])
except* ValueError as e:
    got = repr(e)
except* TypeError as e:
    got2 = repr(e)
[repr(m), repr(rest), repr(eg.subgroup(lambda e: isinstance(e, TypeError))), got, got2]
# ---
# except* in a generator: the handler's match survives a yield
def g():
    try:
        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield 1
        yield repr(e)
    except* TypeError as e:
        yield repr(e)
list(g())
# ---
# the handler name is unbound afterwards
try:
    raise ExceptionGroup('g', [ValueError(1)])
except* ValueError as e:
    pass
e
