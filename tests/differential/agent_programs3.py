# sales report: csv text -> per-region totals, formatted table
import csv, io
from collections import defaultdict
raw = """region,product,units,price
north,widget,3,2.50
south,gadget,10,1.25
north,gadget,1,1.25
east,widget,7,2.50
south,widget,2,2.50
"""
totals = defaultdict(float)
for row in csv.DictReader(io.StringIO(raw)):
    totals[row['region']] += int(row['units']) * float(row['price'])
lines = [f"{r:<8}{t:>10.2f}" for r, t in sorted(totals.items(), key=lambda kv: -kv[1])]
print("\n".join(lines))
lines
# ---
# log parsing with regex flags and named groups
import re
log = """2024-01-02 10:00:01 INFO  user=alice action=login
2024-01-02 10:05:11 error user=bob action=upload size=120
2024-01-02 10:07:45 WARN  user=alice action=upload size=99999
2024-01-02 11:00:00 ERROR user=carol action=delete"""
pat = re.compile(r"^(?P<date>\S+) (?P<time>\S+) (?P<level>\w+)\s+(?P<rest>.*)$", re.M)
errors = [m.groupdict() for m in pat.finditer(log) if m['level'].upper() == 'ERROR']
kv = [dict(re.findall(r"(\w+)=(\S+)", e['rest'])) for e in errors]
[len(errors), [k['user'] for k in kv], re.search(r'WARN', log, re.I).start(),
 re.findall(r'^\d{4}', log, flags=re.MULTILINE)[:2], bool(re.match(r'error', 'ERROR', re.IGNORECASE))]
# ---
# json config merge with indent and sort_keys
import json
defaults = {"timeout": 30, "retries": 3, "hosts": ["a"], "nested": {"x": 1}}
override = json.loads('{"retries": 5, "nested": {"y": 2}, "debug": true}')
def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out
cfg = merge(defaults, override)
text = json.dumps(cfg, indent=2, sort_keys=True)
print(text)
[text.count("\n"), json.dumps(cfg, separators=(',', ':'), sort_keys=True)]
# ---
# dataclasses: asdict, replace, field(default_factory), ordering
from dataclasses import dataclass, field, asdict, replace, astuple
@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False, repr=False)
tasks = [Task(3, 'write'), Task(1, 'plan', ['urgent']), Task(2, 'test')]
tasks.sort()
done = replace(tasks[0], name='plan (done)')
[repr(t) for t in tasks] + [asdict(done), astuple(tasks[1]), done == tasks[0]]
# ---
# enum: auto, IntEnum, Flag combinations
from enum import Enum, IntEnum, Flag, auto
class Color(Enum):
    RED = auto()
    GREEN = auto()
class Level(IntEnum):
    LOW = 1
    HIGH = 3
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
[Color.GREEN.value, Color['RED'].name, Level.HIGH > Level.LOW, Level(3).name, Level.LOW + 1,
 Perm.W in rw, Perm.X in rw, repr(rw), str(Perm.R), [c.name for c in Color], bool(Perm.R & Perm.X)]
# ---
# statistics summary of measurements
import statistics as st
data = [2.5, 3.1, 4.7, 3.3, 2.9, 5.0, 3.8, 4.1]
[round(st.mean(data), 4), st.median(data), round(st.stdev(data), 4), round(st.pvariance(data), 4),
 st.mode([1, 2, 2, 3]), st.median_low([1, 3, 5, 7]), st.quantiles(data, n=4),
 round(st.fmean(data), 6), st.multimode('aabbc')]
# ---
# datetime arithmetic: durations, weekdays, formatting
from datetime import datetime, date, timedelta
start = datetime(2024, 2, 27, 22, 30)
end = start + timedelta(days=2, hours=3, minutes=45)
span = end - start
deadline = date(2024, 3, 15)
days_left = (deadline - start.date()).days
[end.isoformat(), span.total_seconds(), str(span), days_left, end.strftime('%a %d %b %Y %H:%M'),
 (date(2024, 3, 1) - timedelta(days=1)).day, start.weekday(), date(2024, 1, 1).isocalendar()[1],
 datetime.strptime('2024-05-06 07:08', '%Y-%m-%d %H:%M').timetuple().tm_yday]
# ---
# string.Template report
from string import Template
t = Template('Dear $name, your order #${order} ships on $day.')
rows = [dict(name='Ann', order=17, day='Mon'), dict(name='Bo', order=3)]
out = [t.safe_substitute(r) for r in rows]
try:
    t.substitute(rows[1])
except KeyError as e:
    out.append(repr(e))
out
# ---
# textwrap: wrap, fill, shorten, dedent, indent
import textwrap
para = "The quick brown fox jumps over the lazy dog. " * 4
[textwrap.wrap(para, 30)[:3], textwrap.shorten(para, 40), textwrap.fill("a b c d e f", 5),
 textwrap.dedent("""
    line one
      line two
    """), textwrap.indent("x\ny", "> ")]
# ---
# itertools: groupby, chain, islice, accumulate; batched is 3.12 only
import itertools
words = sorted(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], key=lambda w: w[0])
groups = {k: list(g) for k, g in itertools.groupby(words, key=lambda w: w[0])}
chunks = [list(itertools.islice(range(10), i, i + 3)) for i in range(0, 10, 3)]
[groups, chunks, list(itertools.accumulate([1, 2, 3, 4])), hasattr(itertools, 'batched'),
 list(itertools.pairwise('abcd')), list(itertools.chain.from_iterable([[1], [2, 3]]))]
# ---
# collections.abc checks in a generic flattener
from collections.abc import Mapping, Sequence, Iterable
def flatten(x):
    if isinstance(x, Mapping):
        return [v for val in x.values() for v in flatten(val)]
    if isinstance(x, Iterable) and not isinstance(x, (str, bytes)):
        return [v for item in x for v in flatten(item)]
    return [x]
[flatten({'a': [1, (2, 3)], 'b': {'c': 'str', 'd': {4}}}), isinstance([], Sequence),
 isinstance({}, Sequence), isinstance(range(3), Sequence)]
# ---
# inventory with Counter arithmetic and most_common
from collections import Counter
stock = Counter(apples=5, pears=2, kiwis=0)
sold = Counter(apples=3, pears=2)
left = stock - sold
[dict(left), (stock + Counter(kiwis=4)).most_common(2), sorted(left.elements()), sum(stock.values()),
 list((stock & sold).items())]
# ---
# decimal money totals with quantize and rounding
from decimal import Decimal, ROUND_HALF_UP, getcontext
prices = ['19.99', '5.005', '0.10', '3.335']
total = sum(Decimal(p) for p in prices)
tax = (total * Decimal('0.0825')).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
[str(total), str(tax), str((total + tax).quantize(Decimal('0.01'))), getcontext().prec,
 str(Decimal('1') / Decimal('3'))]
# ---
# word frequency over text with normalization
import re
from collections import Counter
text = """It was the best of times, it was the worst of times; it was the age of wisdom."""
words = re.findall(r"[a-z']+", text.lower())
freq = Counter(words)
top = [f"{w}: {n}" for w, n in freq.most_common(3)]
[top, len(freq), max(words, key=len)]
# ---
# matrix ops without numpy
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def transpose(m):
    return [list(r) for r in zip(*m)]
A = [[1, 2], [3, 4]]
B = [[0, 1], [1, 0]]
[matmul(A, B), transpose(A), matmul(A, transpose(A))]
# ---
# schedule: sort meetings, find overlaps, free slots
meetings = [("09:00", "10:30"), ("10:15", "11:00"), ("13:00", "14:00"), ("11:00", "11:30")]
def mins(t):
    h, m = map(int, t.split(':'))
    return h * 60 + m
ms = sorted((mins(a), mins(b)) for a, b in meetings)
overlaps = [(a, b) for a, b in zip(ms, ms[1:]) if b[0] < a[1]]
free, cur = [], mins("09:00")
for s, e in ms:
    if s > cur:
        free.append(f"{cur // 60:02d}:{cur % 60:02d}-{s // 60:02d}:{s % 60:02d}")
    cur = max(cur, e)
[overlaps, free]
# ---
# url parsing and query building
from urllib.parse import urlparse, parse_qs, urlencode, urljoin, quote
u = urlparse("https://api.example.com:8443/v1/items?page=2&tag=a&tag=b#top")
q = parse_qs(u.query)
[u.scheme, u.hostname, u.port, u.path, q, urlencode({'q': 'a b', 'n': 3}),
 urljoin('https://x.org/a/b', '../c'), quote('a/b c')]
# ---
# pprint of nested data
import pprint
data = {'users': [{'name': 'ann', 'roles': ['admin', 'dev'], 'id': 1},
                  {'name': 'bo', 'roles': [], 'id': 2}], 'count': 2}
s = pprint.pformat(data, width=40)
print(s)
s.splitlines()[:3]
# ---
# functools: lru_cache, partial, reduce, wraps
import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def logged(f):
    @functools.wraps(f)
    def inner(*a):
        inner.calls += 1
        return f(*a)
    inner.calls = 0
    return inner
@logged
def add(a, b):
    "Add two numbers."
    return a + b
pow2 = functools.partial(pow, 2)
[fib(60), fib.cache_info().hits > 0, add(2, 3), add(1, 1), add.calls, add.__name__, add.__doc__,
 pow2(10), functools.reduce(lambda a, b: a * b, range(1, 6))]
# ---
# heapq: top-k and merge of sorted streams
import heapq
scores = {'ann': 91, 'bo': 78, 'cy': 88, 'di': 95, 'ed': 60}
top3 = heapq.nlargest(3, scores.items(), key=lambda kv: kv[1])
h = []
for n in [5, 1, 8, 3]:
    heapq.heappush(h, n)
[top3, [heapq.heappop(h) for _ in range(len(h))], list(heapq.merge([1, 4, 9], [2, 3, 10]))]
# ---
# bisect: grade lookup
import bisect
breaks, grades = [60, 70, 80, 90], 'FDCBA'
[grades[bisect.bisect(breaks, s)] for s in [33, 99, 77, 70, 89, 90, 100]]
# ---
# string formatting table with alignment and thousands separators
rows = [("Widgets", 1234567, 0.1234), ("Gadgets", 89, 0.5), ("Doohickeys", 45012, 1.0)]
out = [f"{'Name':<12}|{'Count':>12}|{'Share':>8}"]
out += [f"{n:<12}|{c:>12,}|{s:>8.1%}" for n, c, s in rows]
out.append(f"{'Total':<12}|{sum(r[1] for r in rows):>12,d}|")
print("\n".join(out))
out
# ---
# class hierarchy with properties and abstract base
from abc import ABC, abstractmethod
import math
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    def describe(self):
        return f"{type(self).__name__} area={self.area():.2f}"
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    @property
    def square(self):
        return self.w == self.h
shapes = [Circle(1), Rect(2, 3), Rect(2, 2)]
try:
    Shape()
except TypeError as e:
    err = str(e)
[s.describe() for s in shapes] + [shapes[2].square, err, sum(s.area() for s in shapes) > 13]
# ---
# io.StringIO + csv writer round trip
import csv, io
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(['id', 'note'])
w.writerows([[1, 'plain'], [2, 'has, comma'], [3, 'has "quote"']])
text = buf.getvalue()
back = list(csv.reader(io.StringIO(text)))
[text, back]
# ---
# csv DictWriter with quoting
import csv, io
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=['a', 'b'], quoting=csv.QUOTE_NONNUMERIC, lineterminator='\n')
w.writeheader()
w.writerow({'a': 1, 'b': 'x'})
w.writerow({'a': 2.5, 'b': None})
out.getvalue()
# ---
# uuid-free id generation with hashlib and base64
import hashlib, base64
def short_id(s):
    return base64.urlsafe_b64encode(hashlib.sha256(s.encode()).digest())[:10].decode()
[short_id('alpha'), short_id('beta'), hashlib.md5(b'x').hexdigest(), len(hashlib.sha1(b'').digest())]
# ---
# datetime: bucket events by hour and weekday
from datetime import datetime
from collections import Counter
stamps = ["2024-03-04T09:15:00", "2024-03-04T09:45:00", "2024-03-05T17:05:00", "2024-03-09T09:00:00"]
dts = [datetime.fromisoformat(s) for s in stamps]
by_hour = Counter(d.hour for d in dts)
by_day = Counter(d.strftime('%A') for d in dts)
[dict(by_hour), dict(by_day), str(max(dts) - min(dts)), sorted(dts)[0].isoformat(timespec='minutes')]
# ---
# enum-driven state machine
from enum import Enum, auto
class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()
transitions = {(State.IDLE, 'start'): State.RUNNING, (State.RUNNING, 'finish'): State.DONE}
s, trace = State.IDLE, []
for ev in ['start', 'poke', 'finish']:
    s = transitions.get((s, ev), s)
    trace.append(s.name)
[trace, s is State.DONE, repr(State(2)), repr(State.IDLE)]
# ---
# recursive directory-like tree summary from nested dicts
tree = {'src': {'main.py': 120, 'util': {'a.py': 30, 'b.py': 45}}, 'README.md': 10}
def total(t):
    return sum(total(v) if isinstance(v, dict) else v for v in t.values())
def render(t, depth=0):
    out = []
    for k in sorted(t):
        v = t[k]
        out.append('  ' * depth + (f"{k}/ ({total(v)})" if isinstance(v, dict) else f"{k} {v}"))
        if isinstance(v, dict):
            out += render(v, depth + 1)
    return out
print("\n".join(render(tree)))
[total(tree), render(tree)]
# ---
# validation with exceptions and custom error class
class ValidationError(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
def validate(rec):
    errs = []
    if not rec.get('email', '').count('@') == 1:
        errs.append(ValidationError('email', 'invalid'))
    if not isinstance(rec.get('age'), int) or rec['age'] < 0:
        errs.append(ValidationError('age', 'must be a non-negative int'))
    return errs
recs = [{'email': 'a@b.c', 'age': 3}, {'email': 'nope', 'age': -1}, {'age': '7'}]
[[str(e) for e in validate(r)] for r in recs] + [[e.field for e in validate(recs[1])]]
# ---
# generators pipeline over lines
def read_lines(text):
    for line in text.splitlines():
        yield line
def non_empty(lines):
    return (l.strip() for l in lines if l.strip())
def parse(lines):
    for l in lines:
        k, _, v = l.partition('=')
        yield k.strip(), v.strip()
cfg = dict(parse(non_empty(read_lines("a = 1\n\n b=two \n# c=3\nd="))))
cfg
# ---
# typing-annotated code with TypedDict functional form and NamedTuple
from typing import TypedDict, NamedTuple, Optional, List
User = TypedDict('User', {'name': str, 'email': Optional[str]}, total=False)
class Score(NamedTuple):
    user: str
    points: int = 0
def best(scores: List[Score]) -> Optional[Score]:
    return max(scores, key=lambda s: s.points, default=None)
u: User = {'name': 'ann'}
[u, sorted(User.__optional_keys__), repr(best([Score('a', 3), Score('b', 9), Score('c')])), best([])]
# ---
# importlib-driven plugin table
import importlib
mods = {name: importlib.import_module(name) for name in ['math', 'statistics', 'json']}
ops = {'sqrt': mods['math'].sqrt, 'mean': mods['statistics'].mean, 'dump': mods['json'].dumps}
[ops['sqrt'](81), ops['mean']([1, 2, 3, 4]), ops['dump']({'k': [1]}), sorted(mods)]
# ---
# random with a seed (same sequence as CPython)
import random
rng = random.Random(42)
[rng.randint(1, 100) for _ in range(5)] + [rng.choice('abcdef'), round(rng.random(), 6), rng.sample(range(10), 3)]
# ---
# retry loop with exponential backoff bookkeeping
delays, attempt = [], 0
def flaky(n):
    if n < 3:
        raise ConnectionError(f"attempt {n} failed")
    return "ok"
while True:
    try:
        result = flaky(attempt)
        break
    except ConnectionError as e:
        delays.append(min(2 ** attempt * 0.1, 1.0))
        attempt += 1
[result, attempt, delays]
# ---
# math helpers: gcd/lcm, combinatorics, isclose, floor/ceil
import math
[math.gcd(84, 36), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.isclose(0.1 + 0.2, 0.3),
 math.floor(-2.5), math.ceil(2.1), math.prod([1, 2, 3, 4]), round(math.dist((0, 0), (3, 4)), 3),
 math.isqrt(99), round(math.log(1000, 10), 9), math.fsum([0.1] * 10)]
# ---
# zip / enumerate / sorted with multiple keys
people = [('ann', 31, 'nyc'), ('bo', 25, 'sf'), ('cy', 31, 'la'), ('di', 25, 'nyc')]
by_age_then_name = sorted(people, key=lambda p: (-p[1], p[0]))
index = {name: i for i, (name, *_rest) in enumerate(people, start=1)}
cities = sorted({c for *_, c in people})
[by_age_then_name, index, cities, list(zip(*people))[0]]
# ---
# shlex + fnmatch command filtering
import shlex, fnmatch
cmds = ['ls -la "My Docs"', "grep -r 'a b' src/", 'rm *.tmp']
parsed = [shlex.split(c) for c in cmds]
files = ['a.py', 'b.txt', 'c.py', 'test_a.py']
[parsed, fnmatch.filter(files, '*.py'), [f for f in files if fnmatch.fnmatch(f, 'test_*')],
 shlex.quote("it's"), shlex.join(['echo', 'a b'])]
# ---
# html escaping for a generated report
import html
rows = [('<b>bold</b>', 'a & b'), ('"quoted"', "it's")]
cells = ''.join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b, quote=False)}</td></tr>" for a, b in rows)
[cells, html.unescape('&lt;p&gt; &amp; &#39;x&#39;')]
# ---
# struct packing of a binary record
import struct
rec = struct.pack('<HIf4s', 7, 123456, 1.5, b'abcd')
fields = struct.unpack('<HIf4s', rec)
[len(rec), fields, struct.calcsize('>iq'), rec.hex()]
# ---
# difflib comparison of two config versions
import difflib
a = "host=a\nport=80\nmode=fast\n".splitlines(keepends=True)
b = "host=a\nport=8080\nmode=fast\ndebug=1\n".splitlines(keepends=True)
diff = list(difflib.unified_diff(a, b, 'old', 'new'))
print(''.join(diff))
[diff, round(difflib.SequenceMatcher(None, 'kitten', 'sitting').ratio(), 4),
 difflib.get_close_matches('appel', ['apple', 'apply', 'ape'])]
# ---
# graphlib: task ordering
from graphlib import TopologicalSorter
deps = {'deploy': {'test', 'build'}, 'test': {'build'}, 'build': {'fetch'}}
order = list(TopologicalSorter(deps).static_order())
[order[0], order[-1], order.index('build') < order.index('test')]
# ---
# calendar month grid
import calendar
cal = calendar.monthcalendar(2024, 2)
[cal[0], len(cal), calendar.isleap(2024), calendar.monthrange(2023, 2), calendar.day_name[0],
 calendar.TextCalendar().formatmonth(2024, 2).splitlines()[0].strip()]
# ---
# dataclass with __post_init__ validation and frozen hashing
from dataclasses import dataclass, field, FrozenInstanceError
@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = 'USD'
    def __post_init__(self):
        if self.amount < 0:
            raise ValueError('negative')
wallet = {Money(5), Money(5), Money(3, 'EUR')}
out = [len(wallet), sorted((m.amount, m.currency) for m in wallet)]
try:
    Money(-1)
except ValueError as e:
    out.append(str(e))
try:
    Money(1).amount = 2
except FrozenInstanceError as e:
    out.append(type(e).__name__)
out
# ---
# string methods cleanup of messy input
raw = ["  Alice Smith ", "BOB  jones", "carol\tDE LA cruz", ""]
clean = [" ".join(w.capitalize() for w in s.split()) for s in raw if s.strip()]
initials = ["".join(w[0] for w in n.split()) for n in clean]
[clean, initials, "|".join(n.ljust(18, '.') for n in clean), "Bob Jones".casefold().replace(" ", "_"),
 "x,y,,z".split(","), "a-b_c d".translate(str.maketrans("-_", "  ")).title()]
# ---
# dict comprehension pivot of records
rows = [{'day': 'mon', 'kind': 'a', 'n': 1}, {'day': 'mon', 'kind': 'b', 'n': 2},
        {'day': 'tue', 'kind': 'a', 'n': 5}]
pivot = {}
for r in rows:
    pivot.setdefault(r['day'], {})[r['kind']] = r['n']
kinds = sorted({r['kind'] for r in rows})
table = [[d] + [pivot[d].get(k, 0) for k in kinds] for d in sorted(pivot)]
[pivot, table]
# ---
# binary search + memoized DP (coin change)
from functools import lru_cache
coins = (1, 5, 10, 25)
@lru_cache(maxsize=None)
def ways(n, i=0):
    if n == 0:
        return 1
    if n < 0 or i == len(coins):
        return 0
    return ways(n - coins[i], i) + ways(n, i + 1)
[ways(100), ways(11), ways.cache_info().currsize > 0]
# ---
# logging to a list through a handler subclass
import logging
records = []
class ListHandler(logging.Handler):
    def emit(self, record):
        records.append(self.format(record))
log = logging.getLogger('agent3')
log.setLevel(logging.INFO)
h = ListHandler()
h.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
log.addHandler(h)
log.debug('hidden')
log.info('processed %d rows', 42)
log.warning('slow: %.1fs', 2.345)
records
# ---
# statistics: correlation, regression, NormalDist
import statistics as st
xs = [1, 2, 3, 4, 5, 6]
ys = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2]
lr = st.linear_regression(xs, ys)
nd = st.NormalDist(mu=100, sigma=15)
[round(st.correlation(xs, ys), 6), round(lr.slope, 6), round(lr.intercept, 6), round(nd.cdf(115), 6),
 round(nd.inv_cdf(0.975), 4), round(st.covariance(xs, ys), 6), repr(st.NormalDist(0, 1))]
# ---
# json: custom encoder subclass for sets and dates, and a decoder hook
import json
from datetime import date
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        if isinstance(o, date):
            return o.isoformat()
        return super().default(o)
doc = json.dumps({'tags': {'b', 'a'}, 'when': date(2024, 1, 2)}, cls=Enc, sort_keys=True)
back = json.loads(doc, object_hook=lambda d: {k.upper(): v for k, v in d.items()})
try:
    json.dumps({'x': object()}, cls=Enc)
except TypeError as e:
    err = str(e)
[doc, back, err]
# ---
# textwrap.TextWrapper options
import textwrap
w = textwrap.TextWrapper(width=24, initial_indent='* ', subsequent_indent='  ', break_long_words=False)
text = 'supercalifragilisticexpialidocious words follow here for wrapping tests'
[w.wrap(text), w.fill('short'), textwrap.shorten('Hello   world  again', width=12, placeholder='...')]
# ---
# singledispatch with annotations and partialmethod
from functools import singledispatch, partialmethod
@singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register
def _(x: list):
    return f"list of {len(x)}"
class Light:
    def set(self, on):
        self.on = on
        return self
    turn_on = partialmethod(set, True)
    turn_off = partialmethod(set, False)
[describe(3), describe([1, 2]), describe('s'), Light().turn_on().on, Light().turn_off().on]
# ---
# copy: deepcopy of defaultdict and self-containing structures
import copy
from collections import defaultdict
d = defaultdict(list)
d['a'].append(1)
d2 = copy.deepcopy(d)
d2['b'].append(2)
loop = [1]
loop.append(loop)
l2 = copy.deepcopy(loop)
[dict(d), dict(d2), l2[1] is l2, l2 is not loop, type(d2).__name__, d2.default_factory is list]
# ---
# hashlib extras: pbkdf2, blake2b with key, shake
import hashlib
[hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1000).hex()[:16],
 hashlib.blake2b(b'data', digest_size=8, key=b'k').hexdigest(), hashlib.shake_128(b'x').hexdigest(6),
 hashlib.sha256(b'abc').hexdigest()[:12], hashlib.new('sha1', b'q').hexdigest()[:8]]
# ---
# typing introspection for a tiny schema validator
from typing import get_args, get_origin, get_type_hints, Optional, Union, List, Dict
from dataclasses import dataclass
@dataclass
class Item:
    name: str
    qty: int
    tags: List[str]
    meta: Optional[Dict[str, int]] = None
hints = get_type_hints(Item)
def check(obj):
    bad = []
    for k, t in hints.items():
        v = getattr(obj, k)
        origin = get_origin(t)
        if origin is Union:
            if v is None:
                continue
            t = get_args(t)[0]
            origin = get_origin(t)
        base = origin or t
        if not isinstance(v, base):
            bad.append(k)
    return bad
[check(Item('a', 1, ['x'])), check(Item('a', '1', 'x', {})), [get_origin(t) is not None for t in hints.values()],
 get_args(Dict[str, int]) == (str, int)]
# ---
# globals() and locals() in a tiny registry
REGISTRY = {}
def register(fn):
    REGISTRY[fn.__name__] = fn
    return fn
@register
def alpha():
    return 1
@register
def beta():
    x = 2
    return sorted(locals())
[sorted(REGISTRY), beta(), 'alpha' in globals(), globals()['REGISTRY'] is REGISTRY]
# ---
# enum Flag and IntFlag membership reporting
from enum import IntFlag, Flag, auto
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
class Feature(Flag):
    A = auto()
    B = auto()
    C = auto()
mode = Perm.R | Perm.X
[int(mode), Perm.W in mode, [p.name for p in Perm if p in mode], int(Perm(6)), (Feature.A | Feature.C).value,
 Feature(3) == Feature.A | Feature.B, Perm.R & 4 == 4]
# ---
# time formatting helpers
import time
t = time.gmtime(86400 * 365)
[time.strftime('%Y-%m-%d %H:%M:%S', t), t.tm_wday, t.tm_yday, time.asctime(t), tuple(time.gmtime(0))[:6]]
