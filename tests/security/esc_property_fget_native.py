# kind: escape
# expect: blocked
# desc: property/classmethod/staticmethod wrapping gated builtins (str.format, getattr) and their internals
def f():
    pass
class A:
    p = property('{0.__class__.__base__.__subclasses__}'.format)
    q = property(lambda self: getattr(f, '__glo' + 'bals__'))
    c = classmethod('{0.__mro__}'.format)
out = []
for call in (lambda: A().p, lambda: A().q, lambda: A.c(), lambda: A.__dict__['p'].fget.__self__,
             lambda: staticmethod(f).__func__.__globals__, lambda: classmethod(f).__wrapped__.__globals__):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'built-in method' in s or '__builtins__' in s else s
