# kind: escape
# expect: blocked
# desc: collections.abc registration and ABC internals (_abc_impl, __subclasshook__, register on host ABCs)
import collections.abc as cabc
class Evil:
    pass
out = []
for call in (lambda: cabc.Sequence.register(Evil) and isinstance(Evil(), cabc.Sequence) and 'registered', lambda: cabc.Mapping._abc_impl, lambda: cabc.Iterable.__subclasshook__,
             lambda: cabc.Callable.__class__, lambda: cabc.Set._from_iterable.__func__.__globals__,
             lambda: cabc.Mapping.__subclasses__()):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'registered' in s or '_abc_data' in s or '__builtins__' in s else s
