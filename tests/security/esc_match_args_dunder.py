# kind: escape
# expect: blocked
# desc: __match_args__ naming dunder attributes so positional class patterns read them
class P:
    __match_args__ = ('__dict__', '__class__', '__init__')
out = []
class Q(P):
    pass
q = Q()
match q:
    case P(d, c, i):
        try:
            out.append(repr(i.__globals__))
        except Exception:
            pass
        try:
            out.append(repr(c.__mro__[-1].__subclasses__())[:100])
        except Exception:
            pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or 'Popen' in s else s
