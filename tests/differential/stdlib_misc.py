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
