"""Programs paused at a host call while holding the values of io, csv, abc, pprint,
urllib.parse, html, types, numbers, fnmatch, shlex, graphlib, string, traceback and logging:
dumped, loaded (in this process, and once in a fresh one) and resumed, they end as an
uninterrupted run does."""

import os
import subprocess
import sys
import tempfile

import pytest

import monty


def _get(x=None):
    return x


FUNCS = {"get": _get}

PROGRAMS = {
    "iterator_class": """
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
out = []
for x in Countdown(3):
    out.append(get(x))
out
""",
    "json": """
import io, json
class Enc(json.JSONEncoder):
    def default(self, o):
        return get(sorted(o))
class Dec(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)
    def hook(self, d):
        return get({k.upper(): v for k, v in d.items()})
enc = Enc(sort_keys=True)
dec = Dec()
buf = io.StringIO()
json.dump({'b': {3, 1}, 'a': [frozenset([2])]}, buf, cls=Enc)
text = buf.getvalue()
buf.seek(0)
[text, json.load(buf, cls=Dec), enc.encode({'x': {5}}), dec.decode('{"q": {"r": 1}}'),
 json.loads('[{"s": 2}]', object_hook=lambda d: get(d)), get(len(text))]
""",
    "io": """
import io
s = io.StringIO()
s.write('head\\n')
s.write(get('mid'))
b = io.BytesIO(b'abc')
b.read(1)
s.seek(0)
first = s.readline()
s.seek(0, 2)
s.write(get('!'))
print('x', file=s)
[first, s.getvalue(), b.read(), s.tell()]
""",
    "csv": """
import csv, io
def lines():
    yield 'a,b\\n'
    yield '"c,1",d\\n'
    yield '3,4\\n'
rd = csv.reader(lines())
rows = []
for row in rd:
    rows.append(get(row))
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=['k', 'v'])
w.writeheader()
w.writerow({'k': get('x,y'), 'v': 1})
dr = csv.DictReader(['n,m', '1,2', '3,4'])
first = next(dr)
get(first['n'])
[rows, rd.line_num, out.getvalue(), first, list(dr)]
""",
    "abc": """
from abc import ABC, ABCMeta, abstractmethod
class Base(ABC):
    @abstractmethod
    def run(self): ...
class Other(metaclass=ABCMeta):
    @abstractmethod
    def go(self): ...
get(1)
class Impl(Base):
    def run(self):
        return get('ran')
msgs = []
for cls in (Base, Other):
    try:
        cls()
    except TypeError as e:
        msgs.append(str(e))
[msgs, Impl().run(), isinstance(Impl(), Base)]
""",
    "pprint_types_numbers": """
import pprint, types, numbers
pp = pprint.PrettyPrinter(width=30, indent=2)
ns = types.SimpleNamespace(a=get(1), items=list(range(12)))
mp = types.MappingProxyType({'k': get(2)})
[pp.pformat(vars(ns)), repr(ns), dict(mp), isinstance(get(3), numbers.Integral),
 isinstance(get(2.5), numbers.Real), isinstance(pp.pformat, types.MethodType)]
""",
    "urllib_html": """
from urllib.parse import urlparse, urlencode, parse_qs, quote
import html
u = urlparse(get('https://h.example:8080/p?q=1&r=2#f'))
q = parse_qs(u.query)
e = html.escape(get('<b>&</b>'))
[u.hostname, u.port, q, urlencode({'a': get('x y')}), quote('a/b c'), e, html.unescape(e)]
""",
    "fnmatch_shlex_graphlib": """
import fnmatch, shlex, graphlib
names = fnmatch.filter(['a.py', 'b.txt', 'c.py'], get('*.py'))
lex = shlex.shlex('one two "three four"', posix=True)
first = lex.get_token()
get(first)
rest = list(lex)
ts = graphlib.TopologicalSorter({'b': {'a'}, 'c': {'b'}})
ts.prepare()
order = []
while ts.is_active():
    ready = ts.get_ready()
    for n in ready:
        order.append(get(n))
    ts.done(*ready)
[names, first, rest, order, shlex.split(get('x "y z"'))]
""",
    "string": """
import string
class Pct(string.Template):
    delimiter = '%'
t = string.Template('$who: ${what}')
p = Pct('%a-%b')
f = string.Formatter()
[t.substitute(who=get('me'), what='it'), p.safe_substitute(a=get(1)), f.format('{0:>4}|{k}', get(7), k='v')]
""",
    "traceback": """
import traceback
def boom():
    raise ValueError('bad ' + get('x'))
try:
    boom()
except ValueError as e:
    get('caught')
    text = traceback.format_exc()
    only = traceback.format_exception_only(e)
[text.splitlines()[0], text.splitlines()[-1], len(text.splitlines()), only]
""",
    "logging": """
import logging, io
stream = io.StringIO()
logging.basicConfig(stream=stream, level=logging.INFO, format='%(levelname)s %(name)s %(message)s')
log = logging.getLogger('svc')
log.info('start %s', get('a'))
child = log.getChild('db')
child.warning('slow %d ms', get(12))
log.debug('hidden')
logging.error('root %s', get('b'))
stream.getvalue()
""",
}


def _straight(code):
    return monty.Sandbox(functions=FUNCS).run(code)


def _paused(code, fresh_process=False):
    sb = monty.Sandbox(functions=FUNCS)
    step = sb.start(code)
    calls = 0
    while isinstance(step, monty.Call):
        blob = step.dump()
        if fresh_process:
            blob = _through_child(blob)
        step = monty.load(blob, functions=FUNCS)
        step = step.resume(_get(*step.args, **step.kwargs))
        calls += 1
    return step.value, calls


_CHILD = r"""
import sys
sys.path.insert(0, sys.argv[2])
import monty
def _get(x=None):
    return x
with open(sys.argv[1], 'rb') as f:
    blob = f.read()
step = monty.load(blob, functions={"get": _get})
with open(sys.argv[1], 'wb') as f:
    f.write(step.dump())
"""


def _through_child(blob):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "snap.bin")
        with open(path, "wb") as f:
            f.write(blob)
        subprocess.run([sys.executable, "-c", _CHILD, path, root], check=True, timeout=60)
        with open(path, "rb") as f:
            return f.read()


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_paused_run_matches_straight_run(name):
    code = PROGRAMS[name]
    expected = _straight(code)
    value, calls = _paused(code)
    assert calls >= 2
    assert value == expected


@pytest.mark.parametrize("name", ["csv", "logging", "abc", "json"])
def test_fresh_process_roundtrip(name):
    code = PROGRAMS[name]
    value, _ = _paused(code, fresh_process=True)
    assert value == _straight(code)


def test_expected_values():
    """The paused programs compute what CPython computes (spot checks)."""
    assert _straight(PROGRAMS["json"]) == [
        '{"b": [1, 3], "a": [[2]]}', {"B": [1, 3], "A": [[2]]}, '{"x": [5]}',
        {"Q": {"R": 1}}, [{"s": 2}], 25]
    assert _straight(PROGRAMS["abc"]) == [
        ["Can't instantiate abstract class Base with abstract method run",
         "Can't instantiate abstract class Other with abstract method go"], "ran", True]
    assert _straight(PROGRAMS["logging"]) == (
        "INFO svc start a\nWARNING svc.db slow 12 ms\nERROR root root b\n")
