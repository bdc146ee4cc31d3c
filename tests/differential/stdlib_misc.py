# heapq basics
import heapq
h = []
for x in [5, 1, 8, 3, 2]:
    heapq.heappush(h, x)
out = [heapq.heappop(h) for _ in range(3)]
data = [9, 4, 7, 1]
heapq.heapify(data)
[out, h[0], data[0], heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), sorted(data)]
# ---
# heapq nlargest, nsmallest with keys, merge
import heapq
words = ['apple', 'fig', 'banana', 'kiwi']
[heapq.nlargest(2, [3, 1, 4, 1, 5]), heapq.nsmallest(2, words, key=len), heapq.nlargest(1, words, key=len),
 list(heapq.merge([1, 3, 5], [2, 4, 6])), list(heapq.merge(['c', 'a'], ['b'], reverse=True)),
 list(heapq.merge([1, 4], [2, 3], key=lambda x: -x if False else x))]
# ---
# heapq with tuples for priorities
import heapq
q = []
heapq.heappush(q, (2, 'write'))
heapq.heappush(q, (1, 'plan'))
heapq.heappush(q, (3, 'test'))
[heapq.heappop(q)[1] for _ in range(3)]
# ---
# heappop from an empty heap
import heapq
heapq.heappop([])
# ---
# bisect functions
import bisect
a = [1, 2, 4, 4, 8]
r = [bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 4, lo=3)]
bisect.insort(a, 3)
bisect.insort_left(a, 4)
r + [a]
# ---
# bisect with a key
import bisect
recs = [('a', 1), ('b', 3), ('c', 7)]
[bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1])]
# ---
# bisect grades table
import bisect
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
[grade(s) for s in [33, 99, 77, 70, 89, 90, 100]]
# ---
# copy and deepcopy of plain data
import copy
orig = {'a': [1, 2], 'b': ({'c': 3},)}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig['a'].append(99)
orig['b'][0]['c'] = 0
[shallow['a'], deep['a'], deep['b'][0]['c'], shallow is orig, deep['b'] is orig['b']]
# ---
# deepcopy keeps shared references and cycles
import copy
shared = [1]
x = [shared, shared]
x.append(x)
y = copy.deepcopy(x)
[y[0] is y[1], y[0] is shared, y[2] is y, y[0]]
# ---
# copy of instances
import copy
class Box:
    def __init__(self, items):
        self.items = items
b = Box([1, 2])
c = copy.copy(b)
d = copy.deepcopy(b)
b.items.append(3)
[c.items, d.items, type(d).__name__, c is b]
# ---
# __copy__ and __deepcopy__ are honoured
import copy
class Special:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return Special('copied')
    def __deepcopy__(self, memo):
        return Special('deep')
[copy.copy(Special(1)).v, copy.deepcopy(Special(1)).v, copy.deepcopy([Special(0)])[0].v]
# ---
# copy of collections types
import copy
from collections import Counter, deque, defaultdict, OrderedDict
c = Counter('aab')
d = deque([1, [2]], maxlen=5)
dd = defaultdict(list, {'k': [1]})
od = OrderedDict(b=1, a=2)
c2, d2, dd2, od2 = copy.copy(c), copy.deepcopy(d), copy.deepcopy(dd), copy.copy(od)
d[1].append(3)
dd['k'].append(2)
[dict(c2), list(d2), d2.maxlen, dict(dd2), dd2.default_factory is list, list(od2)]
# ---
# copy of immutable values returns them
import copy
t = (1, 2)
s = 'text'
[copy.copy(t) is t, copy.deepcopy(t) is t, copy.copy(s) is s, copy.deepcopy(len) is len]
# ---
# string constants
import string
[string.ascii_letters, string.digits, string.hexdigits, string.octdigits, string.punctuation, len(string.printable),
 string.whitespace, string.ascii_uppercase]
# ---
# string.capwords
import string
[string.capwords('hello   big world'), string.capwords('a-b-c', '-'), string.capwords('')]
# ---
# statistics central values
import statistics
[statistics.mean([1, 2, 3, 4]), statistics.mean([1.5, 2.5]), statistics.median([5, 1, 3]), statistics.median([4, 1, 3, 2]),
 statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]), statistics.mode([1, 1, 2, 3]), statistics.mode('abbc')]
# ---
# statistics spread
import statistics
data = [2, 4, 4, 4, 5, 5, 7, 9]
[statistics.pstdev(data), statistics.stdev(data), statistics.variance(data), statistics.pvariance(data)]
# ---
# statistics with fractions of ints and generators
import statistics
[statistics.mean(x for x in range(11)), statistics.fmean([1, 2, 4]), statistics.multimode('aabbc'), statistics.mean([True, False, True])]
# ---
# statistics.mean of no data
import statistics
statistics.mean([])
# ---
# statistics.stdev needs two points
import statistics
statistics.stdev([1])
# ---
# catching StatisticsError
import statistics
try:
    statistics.median([])
except statistics.StatisticsError as e:
    msg = str(e)
msg
# ---
# deepcopy of an instance with __slots__
import copy
class S:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = [1]
s = S()
t = copy.deepcopy(s)
[t.a, t.a is s.a, hasattr(t, 'b')]
# ---
# deepcopy of a list subclass with attributes
import copy
class L(list):
    pass
x = L([1, [2]])
x.tag = 't'
y = copy.deepcopy(x)
[type(y).__name__, list(y), y.tag, y[1] is x[1]]
# ---
# statistics.mean of strings
import statistics
statistics.mean(['a'])
# ---
# sys.version_info and friends: CPython's dotted type names in messages and reprs
import sys
out = []
for name in ('foobar', '_fields', '_asdict', '_replace', '_make'):
    try:
        getattr(sys.version_info, name)
    except AttributeError as e:
        out.append(str(e))
out + [str(type(sys.version_info)), type(sys.version_info).__name__]
# ---
# sys.stdout and sys.stderr: write() returns the length, flush() returns None
import sys
[sys.stdout.write(''), sys.stderr.write(''), sys.stdout.flush()]
# ---
# unicodedata lookups
import unicodedata as u
[u.name('a'), u.lookup('LATIN SMALL LETTER A'), u.category('A'), u.numeric('½'), u.decimal('7'),
 u.digit('9'), u.east_asian_width('中'), u.combining('\u0301'), u.bidirectional('a'),
 u.mirrored('('), u.normalize('NFC', 'e\u0301'), u.normalize('NFKD', 'ﬁ'),
 u.is_normalized('NFC', 'é'), u.decomposition('é'), isinstance(u.unidata_version, str)]
# ---
# unicodedata.name of an unassigned code point
import unicodedata
unicodedata.name('\uffff')
# ---
# unicodedata.lookup of an unknown name
import unicodedata
unicodedata.lookup('NO SUCH CHARACTER NAME')
# ---
# unicodedata defaults
import unicodedata
[unicodedata.name('\uffff', 'dflt'), unicodedata.numeric('a', None), unicodedata.digit('x', -1)]
# ---
# contextlib.contextmanager: enter value, exceptions thrown into the generator, cleanup order
from contextlib import contextmanager
log = []
@contextmanager
def tag(name):
    log.append('enter ' + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append('caught ' + str(e))
    finally:
        log.append('exit ' + name)
with tag('a') as t:
    log.append(t)
with tag('b'):
    raise KeyError('k')
try:
    with tag('c'):
        raise ValueError('v')
except ValueError as e:
    log.append('outer ' + str(e))
log
# ---
# contextmanager errors: a generator that does not yield, or yields twice
from contextlib import contextmanager
@contextmanager
def empty():
    if False:
        yield
@contextmanager
def twice():
    yield 1
    yield 2
out = []
for cm in (empty, twice):
    try:
        with cm():
            pass
    except RuntimeError as e:
        out.append(str(e))
out
# ---
# contextmanager: the generator may re-raise, replace or swallow the exception
from contextlib import contextmanager
@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        pass
@contextmanager
def replace():
    try:
        yield
    except ZeroDivisionError:
        raise ValueError('replaced')
with swallow():
    1 / 0
try:
    with replace():
        1 / 0
except ValueError as e:
    r = [str(e), type(e.__context__).__name__]
r
# ---
# contextlib.suppress, nullcontext, closing
from contextlib import suppress, nullcontext, closing
log = []
with suppress(ZeroDivisionError, KeyError):
    1 / 0
with suppress(LookupError):
    {}['x']
try:
    with suppress(TypeError):
        raise ValueError('x')
except ValueError as e:
    log.append(str(e))
with nullcontext(5) as n:
    log.append(n)
class Res:
    def close(self):
        log.append('closed')
with closing(Res()) as r:
    log.append(type(r).__name__)
log + [suppress().__exit__(None, None, None), suppress(KeyError).__exit__(KeyError, KeyError(), None)]
# ---
# contextlib.suppress with a non-class argument fails when an exception is checked
from contextlib import suppress
with suppress(1):
    raise ValueError('x')
# ---
# contextlib.ExitStack: callbacks and contexts unwind last-in first-out; pop_all moves them
from contextlib import ExitStack, contextmanager
log = []
@contextmanager
def cm(name):
    log.append('in ' + name)
    yield name
    log.append('out ' + name)
with ExitStack() as stack:
    stack.callback(log.append, 'cb1')
    v = stack.enter_context(cm('a'))
    stack.callback(log.append, 'cb2')
    log.append(v)
with ExitStack() as stack:
    stack.callback(log.append, 'moved')
    kept = stack.pop_all()
log.append('between')
kept.close()
log
# ---
# ExitStack: an exit function that suppresses; an exception raised by a callback
from contextlib import ExitStack
log = []
with ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise KeyError('gone')
try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        raise KeyError('first')
except ZeroDivisionError as e:
    log.append(type(e.__context__).__name__)
log
# ---
# ExitStack.enter_context needs a context manager
from contextlib import ExitStack
class NotCM:
    pass
try:
    with ExitStack() as stack:
        stack.enter_context(NotCM())
except TypeError as e:
    msg = str(e)
msg.endswith(".NotCM' object does not support the context manager protocol")
# ---
# AbstractContextManager: default __enter__, structural isinstance, subscription as a base
from contextlib import AbstractContextManager
class Session(AbstractContextManager['Session']):
    def __init__(self):
        self.closed = False
    def __exit__(self, *exc):
        self.closed = True
class Duck:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        pass
s = Session()
with s as entered:
    pass
[entered is s, s.closed, isinstance(s, AbstractContextManager),
 isinstance(Duck(), AbstractContextManager), isinstance(1, AbstractContextManager)]
# ---
# sys.version_info.__getnewargs__ wraps the values in a 1-tuple (a structseq's __new__ takes one)
import sys
[sys.version_info.__getnewargs__() == (tuple(sys.version_info),),
 len(sys.version_info.__getnewargs__())]
# ---
# module messages name C types by CPython's dotted names
import operator, collections, itertools
out = []
for code in (lambda: operator.concat(itertools.chain(), [1]),
             lambda: operator.concat(collections.deque(), [1])):
    try:
        code()
    except TypeError as e:
        out.append(str(e))
out
# ---
# gc: collect, enable, disable, isenabled
import gc
was = gc.isenabled()
gc.disable()
off = gc.isenabled()
gc.enable()
[was, off, gc.isenabled(), type(gc.collect()).__name__, gc.collect(0) >= 0]
# ---
# gc.collect with a bad generation
import gc
gc.collect(5)
# ---
# contextvars: get, set, reset, default, Token
from contextvars import ContextVar, Token
v = ContextVar('v', default=10)
w = ContextVar('w')
r = [v.name, v.get(), w.get('fallback')]
t1 = v.set(1)
t2 = v.set(2)
r += [v.get(), t1.var is v, t1.old_value is Token.MISSING, t2.old_value, repr(Token.MISSING)]
v.reset(t2)
r.append(v.get())
v.reset(t1)
r.append(v.get())
r
# ---
# contextvars: an unset variable without default
from contextvars import ContextVar
v = ContextVar('missing')
try:
    v.get()
except LookupError as e:
    out = [e.args[0] is v, str(e).startswith("<ContextVar name='missing' at 0x")]
out
# ---
# contextvars: a token used twice
from contextvars import ContextVar
v = ContextVar('v')
t = v.set(1)
v.reset(t)
try:
    v.reset(t)
except RuntimeError as e:
    msg = str(e)
msg.endswith('has already been used once')
# ---
# contextvars: a token from another variable, and a non-token
from contextvars import ContextVar
a, b = ContextVar('a'), ContextVar('b')
t = a.set(1)
out = []
try:
    b.reset(t)
except ValueError as e:
    out.append(str(e).endswith('was created by a different ContextVar'))
try:
    a.reset(1)
except TypeError as e:
    out.append(str(e))
out
# ---
# contextvars: copy_context and Context.run isolate changes
from contextvars import ContextVar, copy_context
v = ContextVar('v', default='outer')
v.set('before')
ctx = copy_context()
def inner(x):
    v.set(x)
    return v.get()
[ctx.run(inner, 'inside'), v.get(), ctx[v], v in ctx, ctx.get(v), len(ctx) >= 1,
 copy_context().get(v)]
# ---
# contextvars: a name must be a str
from contextvars import ContextVar
ContextVar(1)
# ---
# contextvars: ContextVar cannot be subclassed
from contextvars import ContextVar
class V(ContextVar):
    pass
# ---
# sys.setrecursionlimit / getrecursionlimit
import sys
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
now = sys.getrecursionlimit()
sys.setrecursionlimit(old)
[now, sys.getrecursionlimit() == old]
# ---
# sys.setrecursionlimit refuses non-positive values
import sys
sys.setrecursionlimit(0)
# ---
# sys.setrecursionlimit refuses floats
import sys
sys.setrecursionlimit(5.0)
# ---
# operator getters: argument count errors
from operator import attrgetter, itemgetter, methodcaller
out = []
for f in (lambda: attrgetter(), lambda: itemgetter(), lambda: methodcaller(),
          lambda: attrgetter('x')(), lambda: itemgetter(0)([1], [2]),
          lambda: itemgetter(0, x=1), lambda: methodcaller('upper')(s='a')):
    try:
        f()
    except TypeError as e:
        out.append(str(e))
out
