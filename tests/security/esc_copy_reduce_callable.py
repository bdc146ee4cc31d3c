# kind: escape
# expect: blocked
# desc: copy.copy/deepcopy of objects whose __reduce__/__reduce_ex__ return a callable the copier calls
import copy
def f():
    pass
class X:
    def __reduce__(self):
        return (getattr, (f, '__glo' + 'bals__'))
class Y:
    def __reduce_ex__(self, proto):
        return ('{0.__globals__}'.format, (f,))
class Z:
    def __deepcopy__(self, memo):
        return memo
out = []
for call in (lambda: copy.copy(X()), lambda: copy.deepcopy(Y()), lambda: copy.deepcopy(Z())):
    try:
        out.append(repr(call())[:200])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s else s
