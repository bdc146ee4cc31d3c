# kind: escape
# expect: blocked
# desc: functools.partial .func/.args/.keywords, __reduce__ and __setstate__ to smuggle a function
import functools
def f(x):
    return x
p = functools.partial(f, 1)
out = []
for call in (lambda: p.func.__globals__,
             lambda: p.__reduce__(),
             lambda: p.__setstate__((print, (), {}, None)),
             lambda: p.__dict__,
             lambda: functools.partial(getattr, f)('__glo' + 'bals__')):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or 'functools' in s else s
