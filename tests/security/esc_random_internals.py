# kind: escape
# expect: blocked
# desc: random module internals: _inst, Random.__init__ globals, getstate, _os/_urandom
import random
out = []
for n in ('_inst', '_os', '_urandom', '_sha512', 'SystemRandom', '_sys', 'Random'):
    try:
        out.append((n, repr(getattr(random, n))[:60]))
    except Exception:
        pass
try:
    out.append(repr(random.Random.seed.__globals__['_os']))
except Exception:
    pass
try:
    st = random.getstate()
    random.setstate((st[0], st[1], None))
except Exception:
    pass
s = repr(out)
('ESC' + 'APED' + ':' + s) if "module 'os'" in s or 'urandom' in s and 'built-in' in s else s
