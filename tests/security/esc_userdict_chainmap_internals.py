# kind: escape
# expect: blocked
# desc: collections ChainMap/defaultdict/OrderedDict/Counter internals and __missing__ hooks
import collections
def f():
    pass
out = []
c = collections.ChainMap({}, {'a': 1})
dd = collections.defaultdict(lambda: repr(f.__class__))
for call in (lambda: c.maps, lambda: c.__init__.__globals__, lambda: dd.default_factory.__globals__,
             lambda: collections.OrderedDict().__reduce__(), lambda: collections.Counter.__init__.__globals__,
             lambda: collections.OrderedDict.__class__.__subclasses__(type), lambda: dd['x']):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or '_sys' in s else s
