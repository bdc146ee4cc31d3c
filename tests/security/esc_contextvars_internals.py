# kind: escape
# expect: blocked
# desc: contextvars.Context.run of a gated method, ContextVar internals, copy_context items
import contextvars
out = []
def f():
    pass
v = contextvars.ContextVar('v', default=f)
ctx = contextvars.copy_context()
for call in (lambda: ctx.run(getattr, f, '__glo' + 'bals__'), lambda: ctx.run('{0.__globals__}'.format, f),
             lambda: list(ctx.items()), lambda: v.get().__globals__, lambda: type(ctx).__mro__[-1].__subclasses__()):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or 'Popen' in s else s
