# pprint.pformat of nested data with width, indent, depth, compact, sort_dicts
import pprint, collections, dataclasses, types
data = {'name': 'monty', 'tags': ['a', 'b', 'c'] * 5, 'nested': {'x': list(range(30)), 'y': ('t',) * 12},
        'text': 'lorem ipsum dolor sit amet ' * 6, 'b': b'bytes ' * 20, 's': set(range(25)), 'fs': frozenset('abc'),
        3: None, 'z': 1.5}
out = [pprint.pformat(data), pprint.pformat(data, width=40, indent=2), pprint.pformat(data, depth=1),
       pprint.pformat(data, compact=True, width=60), pprint.pformat(data, sort_dicts=False, width=50)]
out
# ---
# pprint of collections types
import pprint, collections
out = []
out.append(pprint.pformat(collections.OrderedDict((str(i), i) for i in range(15))))
out.append(pprint.pformat(collections.Counter('abracadabra' * 3), width=30))
out.append(pprint.pformat(collections.defaultdict(list, {'k' + str(i): [i] * 3 for i in range(8)}), width=40))
out.append(pprint.pformat(collections.deque(range(40), maxlen=50), width=40))
out.append(pprint.pformat(collections.ChainMap({'a': list(range(20))}, {'b': 2}), width=40))
out
# ---
# pprint of dataclasses and SimpleNamespace
import pprint, dataclasses, types
@dataclasses.dataclass
class P:
    name: str
    values: list
[pprint.pformat(P('point', list(range(30))), width=40), pprint.pformat(P('p', [1]), width=40),
 pprint.pformat(types.SimpleNamespace(a=list(range(20)), b='x' * 50), width=40),
 pprint.pformat(types.MappingProxyType({'k': list(range(30))}), width=40)]
# ---
# pprint recursion, saferepr, isreadable, underscore_numbers
import pprint
r = [1, 2]
r.append(r)
d = {'self': None}
d['self'] = d
[pprint.pformat(r) == f'[1, 2, <Recursion on list with id={id(r)}>]', pprint.saferepr(r).startswith('[1, 2, <Recursion on list'), pprint.isrecursive(r), pprint.isreadable({'a': 1}), pprint.isreadable(r),
 pprint.pformat(10**20, underscore_numbers=True), pprint.pformat([10**12] * 2, underscore_numbers=True),
 pprint.pformat(d).startswith("{'self': <Recursion on dict with id="), pprint.saferepr({'b': 1, 'a': [2]})]
# ---
# pprint.pprint, pp and PrettyPrinter print their output
import pprint
pprint.pprint({'a': list(range(40))}, width=50)
pprint.pp({'b': 1, 'a': 2})
pprint.pprint({'b': 1, 'a': 2})
pp = pprint.PrettyPrinter(indent=4, width=30)
pp.pprint(list(range(12)))
pprint.pprint('x' * 100, width=30)
[pp.pformat({'k': 'v' * 40}), pprint.PrettyPrinter(depth=2).pformat([[[[1]]]])]
# ---
# pprint into a stream, and bad arguments
import pprint, io
s = io.StringIO()
pprint.pprint(list(range(30)), stream=s, width=20)
out = [s.getvalue()]
for kw in (dict(indent=-1), dict(width=0), dict(depth=0)):
    try:
        pprint.PrettyPrinter(**kw)
    except ValueError as e:
        out.append(str(e))
out
