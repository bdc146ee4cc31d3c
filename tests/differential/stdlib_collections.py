# Counter basics
from collections import Counter
c = Counter('abracadabra')
[c['a'], c['z'], c.most_common(2), sorted(c.elements())[:6], c.total()]
# ---
# Counter update, subtract and arithmetic
from collections import Counter
a = Counter(a=3, b=1)
b = Counter(a=1, b=2)
a.update('aab')
u = Counter(a=5)
u.subtract({'a': 7})
[dict(a + b), dict(a - b), dict(a | b), dict(a & b), dict(u), dict(+u), dict(-u)]
# ---
# Counter repr and equality
from collections import Counter
[repr(Counter('aab')), Counter('ab') == Counter('ba'), repr(Counter())]
# ---
# Counter from a mapping and keywords
from collections import Counter
c = Counter({'x': 2}, y=3)
[dict(c), isinstance(c, dict), isinstance(c + c, Counter)]
# ---
# Counter.fromkeys is undefined
from collections import Counter
Counter.fromkeys('abc')
# ---
# a subclass of Counter
from collections import Counter
class Tally(Counter):
    def top(self):
        return self.most_common(1)[0][0]
t = Tally('hello world')
[t.top(), type(t).__name__, isinstance(t, Counter)]
# ---
# defaultdict with list and int
from collections import defaultdict
d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    d[k].append(v)
n = defaultdict(int)
for ch in 'banana':
    n[ch] += 1
[dict(d), dict(n), d.default_factory is list, 'zz' in d, repr(defaultdict(int))]
# ---
# defaultdict with a lambda and missing keys
from collections import defaultdict
d = defaultdict(lambda: 'missing', {'a': 'x'})
[d['a'], d['b'], sorted(d), d.get('c')]
# ---
# defaultdict copy keeps the factory
from collections import defaultdict
d = defaultdict(set)
d['a'].add(1)
e = d.copy()
e['b'].add(2)
[type(e).__name__, sorted(e), dict(d)]
# ---
# defaultdict without a factory raises KeyError
from collections import defaultdict
d = defaultdict()
d['nope']
# ---
# defaultdict first argument must be callable
from collections import defaultdict
defaultdict(5)
# ---
# deque appends, pops and rotation
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
d.rotate(2)
x = [list(d), d.pop(), d.popleft()]
d.extend('ab')
d.extendleft('yz')
x + [list(d), len(d), d[0], d[-1]]
# ---
# deque with maxlen
from collections import deque
d = deque(range(10), maxlen=3)
d.append(10)
d.appendleft(-1)
[list(d), d.maxlen, repr(d), repr(deque('ab'))]
# ---
# deque count, index, remove, reverse, insert
from collections import deque
d = deque('abcab')
r = [d.count('a'), d.index('b')]
d.remove('a')
d.reverse()
d.insert(1, 'X')
r + [list(d)]
# ---
# deque pop from an empty deque
from collections import deque
deque().pop()
# ---
# deque arithmetic and comparison
from collections import deque
d = deque([1, 2])
[list(d + deque([3])), list(d * 2), d == deque([1, 2]), deque([1]) < deque([2]), 2 in d]
# ---
# deque in-place extend with itself
from collections import deque
d = deque([1, 2])
d += d
d.extend(d)
list(d)
# ---
# OrderedDict ordering operations
from collections import OrderedDict
od = OrderedDict.fromkeys('abcde')
od.move_to_end('b')
od.move_to_end('e', last=False)
last = od.popitem()
first = od.popitem(last=False)
[list(od), last, first, repr(OrderedDict(a=1))]
# ---
# OrderedDict equality is order-sensitive
from collections import OrderedDict
a = OrderedDict([('x', 1), ('y', 2)])
b = OrderedDict([('y', 2), ('x', 1)])
[a == b, a == dict(b), dict(a) == dict(b)]
# ---
# OrderedDict move_to_end on a missing key
from collections import OrderedDict
OrderedDict(a=1).move_to_end('z')
# ---
# ChainMap lookups and writes
from collections import ChainMap
defaults = {'color': 'red', 'user': 'guest'}
args = {'user': 'admin'}
cm = ChainMap(args, defaults)
cm['mode'] = 'fast'
[cm['user'], cm['color'], len(cm), sorted(cm), args, 'color' in cm, cm.get('nope', 0)]
# ---
# ChainMap new_child and parents
from collections import ChainMap
base = ChainMap({'a': 1})
child = base.new_child({'a': 2})
[child['a'], child.parents['a'], len(child.maps), repr(child)]
# ---
# ChainMap deleting a key not in the first mapping
from collections import ChainMap
cm = ChainMap({}, {'a': 1})
del cm['a']
# ---
# namedtuple basics
from collections import namedtuple
Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
[p.x + p.y, p[0], p._asdict(), tuple(p._replace(x=10)), repr(p), Point._fields, tuple(p), tuple(Point._make([3, 4]))]
# ---
# namedtuple defaults and rename
from collections import namedtuple
T = namedtuple('T', ['a', 'b', 'c'], defaults=[0, 1])
R = namedtuple('R', ['ok', 'def', 'ok'], rename=True)
[tuple(T(5)), repr(T(5)), R._fields, T._field_defaults]
# ---
# namedtuple rejects bad field names
from collections import namedtuple
namedtuple('Bad', ['x', 'class'])
# ---
# namedtuple rejects duplicate fields
from collections import namedtuple
namedtuple('Bad', 'x x')
# ---
# a subclass of a namedtuple
from collections import namedtuple
class Vec(namedtuple('Vec', 'x y')):
    def norm2(self):
        return self.x ** 2 + self.y ** 2
v = Vec(3, 4)
[v.norm2(), isinstance(v, tuple), v == (3, 4)]
# ---
# collections.abc checks
import collections.abc
from collections.abc import Iterable, Mapping, Sequence, MutableMapping, Hashable, Sized, Callable
[isinstance([], Iterable), isinstance({}, Mapping), isinstance((), Sequence), isinstance({}, MutableMapping),
 isinstance([], Hashable), isinstance('', Sized), isinstance(len, Callable), issubclass(list, collections.abc.MutableSequence)]
# ---
# a Mapping subclass gets the mixin methods
from collections.abc import Mapping
class Squares(Mapping):
    def __init__(self, n):
        self.n = n
    def __getitem__(self, k):
        if not 0 <= k < self.n:
            raise KeyError(k)
        return k * k
    def __len__(self):
        return self.n
    def __iter__(self):
        return iter(range(self.n))
s = Squares(4)
[list(s.items()), s.get(9, -1), 3 in s, dict(s) == {0: 0, 1: 1, 2: 4, 3: 9}]
# ---
# an abstract class cannot be instantiated
from collections.abc import Sequence
class Half(Sequence):
    def __len__(self):
        return 0
Half()
# ---
# collections exports abc
import collections
[isinstance([], collections.abc.Iterable), issubclass(collections.Counter, dict)]
# ---
# OrderedDict from a list of non-pairs
from collections import OrderedDict
OrderedDict([1])
# ---
# OrderedDict from a triple
from collections import OrderedDict
OrderedDict([(1, 2, 3)])
# ---
# defaultdict from a list of non-pairs
from collections import defaultdict
defaultdict(int, [1])
# ---
# Counter takes one positional argument
from collections import Counter
Counter('abc', 'x')
# ---
# deque with a negative maxlen
from collections import deque
deque([], -1)
# ---
# Counter with negative counts
from collections import Counter
c = Counter(a=2, b=-1)
[sorted(c.elements()), c.most_common(), dict(c - Counter()), Counter(a=1) <= Counter(a=2)]
# ---
# deque item assignment and deletion
from collections import deque
d = deque([1, 2, 3])
d[1] = 9
del d[0]
[list(d), d.copy() == d, list(d)[::-1]]
# ---
# ChainMap.pop of a missing key
from collections import ChainMap
cm = ChainMap({'a': 1})
cm.pop('zz')
# ---
# Counter.elements() converts each count as itertools.repeat does: a float count raises
from collections import Counter
list(Counter({'a': 1.5}).elements())
# ---
# Counter.elements() with a count beyond ssize_t raises OverflowError, whatever its sign
from collections import Counter
out = []
for n in (2**63, -(2**63) - 1, -(2**70)):
    try:
        list(Counter({'a': n}).elements())
    except OverflowError as e:
        out.append(str(e))
out + [list(Counter({'a': 2, 'b': -1, 'c': 0}).elements())]
# ---
# defaultdict.default_factory can be read and reassigned, to a non-callable too
from collections import defaultdict
d = defaultdict(int)
d.default_factory = list
a = d['k']
d.default_factory = None
try:
    d['gone']
except KeyError as e:
    gone = repr(e)
d.default_factory = 42
r = repr(d)
try:
    d['x']
except TypeError as e:
    msg = str(e)
[a, gone, r, msg, defaultdict(int).__missing__('k')]
# ---
# defaultdict: CPython's dotted type name in its messages; fromkeys arity messages
from collections import defaultdict, deque, OrderedDict
out = []
for code in (lambda: defaultdict(int) + 1, lambda: +defaultdict(int), lambda: defaultdict(int).nope,
             lambda: (1, 2) + deque([3]), lambda: b'ab' + deque([1]), lambda: -OrderedDict(),
             lambda: defaultdict.fromkeys(), lambda: defaultdict.fromkeys('ab', 0, 9)):
    try:
        code()
    except (TypeError, AttributeError) as e:
        out.append(str(e))
out + [type(defaultdict(int)).__name__, dict(defaultdict.fromkeys('ab', 1))]
