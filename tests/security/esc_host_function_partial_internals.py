# kind: escape
# expect: blocked
# desc: functools.partial / lru_cache / cmp_to_key over a host function: their internals never give the host callable
import functools
p = functools.partial(echo, 1)
c = functools.lru_cache(echo)
k = functools.cmp_to_key(echo)
found = []
tries = [
    lambda: p.func.func, lambda: p.__reduce__(), lambda: p.__setstate__((host_object, (), {}, None)),
    lambda: p.__dict__, lambda: p.func.__call__, lambda: functools.partial(p).func.__self__,
    lambda: c.__wrapped__.func, lambda: c._cache,
    lambda: [v for v in c.__dict__.values() if v is not echo and type(v) is not type(c)] or None,
    lambda: c.__call__,
    lambda: c._lru_cache_wrapper__wrapped, lambda: c.__get__(1).__func__.__wrapped__.func,
    lambda: k.cmp, lambda: k._obj, lambda: k._compare, lambda: k.__slots__,
    lambda: type(c).__init__, lambda: type(k)(host_object),
]
for t in tries:
    try:
        found.append(t())
    except Exception:
        pass
s = repr(found)
('ESC' + 'APED:' + s) if [x for x in found if x is not echo and x is not None] else 'ok'
