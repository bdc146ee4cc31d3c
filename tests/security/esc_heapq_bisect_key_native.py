# kind: escape
# expect: blocked
# desc: heapq/bisect with key= and lt= callables that are gated builtins or getattr partials
import heapq, bisect, functools
def f():
    pass
out = []
for call in (lambda: heapq.nsmallest(1, [f], key=functools.partial(getattr, name='__globals__')),
             lambda: bisect.bisect([f], f, key='{0.__globals__}'.format),
             lambda: heapq.nlargest(1, ['{0.__globals__}'.format(f)]),
             lambda: max([f], key=lambda g: getattr(g, '__' + 'globals__'))):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s else s
