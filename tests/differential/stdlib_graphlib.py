# graphlib.TopologicalSorter.static_order
import graphlib
g = {'d': {'b', 'c'}, 'b': {'a'}, 'c': {'a'}}
order = list(graphlib.TopologicalSorter(g).static_order())
[order[0], order[-1], sorted(order[1:3]), len(order)]
# ---
# graphlib incremental use: add, prepare, get_ready, done, is_active
import graphlib
ts = graphlib.TopologicalSorter()
ts.add('build', 'fetch', 'configure')
ts.add('configure', 'fetch')
ts.add('test', 'build')
ts.prepare()
steps = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    steps.append(ready)
    ts.done(*ready)
steps
# ---
# graphlib cycles and misuse
import graphlib
r = []
try:
    list(graphlib.TopologicalSorter({'a': ['b'], 'b': ['a']}).static_order())
except graphlib.CycleError as e:
    r.append((type(e).__name__, e.args[0], sorted(e.args[1]), isinstance(e, ValueError)))
ts = graphlib.TopologicalSorter({'x': []})
for f in (ts.get_ready, lambda: ts.done('x')):
    try:
        f()
    except ValueError as e:
        r.append(str(e))
ts.prepare()
try:
    ts.prepare()
except ValueError as e:
    r.append(str(e))
try:
    ts.add('y')
except ValueError as e:
    r.append(str(e))
try:
    ts.done('x')
except ValueError as e:
    r.append(str(e))
r
