# kind: escape
# expect: blocked
# desc: functools.wraps/update_wrapper copying a host function onto a sandbox object
import functools
class W:
    pass
w = W()
try:
    functools.update_wrapper(w, echo)
except Exception:
    pass
out = []
for n in ('__wrapped__', '__module__', '__dict__', '__qualname__'):
    try:
        out.append(getattr(w, n))
    except Exception:
        pass
try:
    g = functools.wraps(echo)(lambda: 0)
    out.append(g.__wrapped__.__globals__)
except Exception:
    pass
s = repr(out)
('ESC' + 'APED' + ':' + s) if 'secrets' in s or 'sys' in s and 'module' in s else s
