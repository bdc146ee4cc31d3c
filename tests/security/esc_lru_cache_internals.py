# kind: escape
# expect: blocked
# desc: functools.lru_cache wrapper internals: __wrapped__, cache_parameters, __dict__, __reduce__
import functools
@functools.lru_cache(maxsize=None)
def f(x):
    return x
out = []
for n in ('__wrapped__', '__dict__', '__reduce__', 'cache_info', '__globals__', '__closure__'):
    try:
        v = getattr(f, n)
        out.append((n, repr(v)[:80]))
    except Exception:
        pass
try:
    g = f.__wrapped__.__globals__
    out.append(('g', 'sys' in repr(g)))
except Exception:
    pass
s = repr(out)
('ESC' + 'APED' + ':' + s) if "('g', True)" in s or 'functools' in s and '__dict__' in s else s
