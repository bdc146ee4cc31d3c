# dataclass options take the truth of plain values, as CPython's do
from dataclasses import dataclass, fields
opts = (1,)
@dataclass(eq=opts, order=[], frozen='')
class Row:
    name: str
    qty: int = 0
r = Row('a', 2)
r.qty = 5
[r == Row('a', 5), r.qty, [f.name for f in fields(Row)], repr(r)]
# ---
from dataclasses import dataclass
@dataclass(frozen=0.0, repr={})
class P:
    x: int
p = P(3)
p.x = 4
[p.x, 'P(' in repr(p)]
# ---
# TypedDict's functional form makes the class the class statement makes
from typing import TypedDict, get_type_hints
Movie = TypedDict('Movie', {'title': str, 'year': int}, total=False)
Point = TypedDict('Point', {'x': float, 'y': float})
m: Movie = {'title': 'Up'}
p = Point(x=1.0, y=2.0)
[Movie.__name__, Movie.__total__, sorted(Movie.__optional_keys__), sorted(Movie.__required_keys__),
 Point.__total__, sorted(Point.__required_keys__), p, isinstance(p, dict), Movie(title='x', year=1),
 Movie.__annotations__ == {'title': str, 'year': int}, get_type_hints(Point) == {'x': float, 'y': float},
 Movie.__module__, isinstance(m, dict)]
# ---
from typing import TypedDict
Base = TypedDict('Base', {'id': int})
class Child(Base, total=False):
    name: str
[sorted(Child.__required_keys__), sorted(Child.__optional_keys__), Child(id=1, name='a')]
# ---
from typing import TypedDict
try:
    TypedDict('Bad', {'a': int}, b=str)
except TypeError as e:
    r = str(e)
r
# ---
# NamedTuple's functional form
from typing import NamedTuple
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
e = Emp('ann', 3)
[repr(e), e.name, e._asdict(), Emp._fields, repr(e._replace(id=4)), Emp.__name__, tuple(e), e == ('ann', 3)]
# ---
from typing import NamedTuple
try:
    NamedTuple('E', [('a', int)], b=int)
except TypeError as e:
    r = str(e)
r
# ---
# importlib.import_module: what `import` can import, and the same errors
import importlib
json = importlib.import_module('json')
path = importlib.import_module('os.path') if False else None
coll = importlib.import_module('collections')
abc = importlib.import_module('collections.abc')
r = [json.dumps({'a': [1, 2]}), coll.Counter('abca').most_common(1), abc.Mapping is __import__('collections').abc.Mapping if False else isinstance({}, abc.Mapping),
     importlib.import_module('math').sqrt(16), importlib.import_module('json') is json]
for bad in ('no_such_module', 'json.nothing', '', 'a-b', '.rel', 'json.', 'x' * 2000):
    try:
        importlib.import_module(bad)
        r.append('ok')
    except Exception as e:
        r.append((type(e).__name__, str(e)))
try:
    importlib.import_module(5)
except Exception as e:
    r.append(type(e).__name__)
importlib.invalidate_caches()
r
# ---
import importlib
r = []
for name, pkg in (('.abc', 'collections'), ('..x', 'a'), ('.', 'json')):
    try:
        m = importlib.import_module(name, pkg)
        r.append(m.__name__)
    except Exception as e:
        r.append((type(e).__name__, str(e)))
r
# ---
# iter(callable, sentinel): a StopIteration the callable raises ends the iteration
def stop():
    raise StopIteration
r = []
try:
    next(iter(stop, 0))
except StopIteration as e:
    r.append(('stop', e.args))
n = [0]
def tick():
    n[0] += 1
    if n[0] == 3:
        raise StopIteration('done')
    return n[0]
r.append(list(iter(tick, 99)))
class AlwaysEq:
    def __eq__(self, other):
        return True
r.append(list(iter(lambda: 5, AlwaysEq())))
r
