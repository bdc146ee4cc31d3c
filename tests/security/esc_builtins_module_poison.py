# kind: escape
# expect: blocked
# desc: import builtins and overwrite sum/range/len/print so later runs (and other sandboxes) misbehave
import builtins
out = []
for n in ('sum', 'range', 'len', 'print', 'isinstance'):
    try:
        setattr(builtins, n, lambda *a, **k: 'ESC' + 'APED')
        out.append(n)
    except Exception:
        pass
try:
    builtins.__dict__['sum'] = None
    out.append('dict')
except Exception:
    pass
for n in ('open', 'eval', 'exec', '__import__', 'compile', 'globals', '__loader__', '__spec__', '__build_class__'):
    try:
        out.append(repr(getattr(builtins, n))[:40])
    except Exception:
        pass
repr(out)
