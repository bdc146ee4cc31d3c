# kind: escape
# expect: blocked
# desc: sandbox function attributes set from a module function, then read back through format and vars
import json
def f():
    pass
out = []
try:
    f.__dict__['g'] = json.dumps
    out.append(repr(f.g.__globals__))
except Exception:
    pass
try:
    f.x = 1
    out.append(repr(vars(f)))
    out.append('{0.g.__globals__}'.format(f))
except Exception:
    pass
try:
    f.__code__ = (lambda: 1).__code__
    out.append('code replaced')
except Exception:
    pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or 'code replaced' in s else s
