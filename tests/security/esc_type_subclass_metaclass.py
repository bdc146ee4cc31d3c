# kind: escape
# expect: blocked
# desc: class M(type) and metaclass= keyword, __prepare__, __class__ assignment to reach type.__new__
out = []
try:
    class M(type):
        pass
    X = M('X', (), {})
    out.append(repr(X))
except Exception as e:
    out.append(type(e).__name__)
try:
    class Y(metaclass=type):
        pass
    out.append(repr(Y))
except Exception as e:
    out.append(type(e).__name__)
class Z:
    pass
z = Z()
try:
    z.__class__ = int
    out.append('class-assigned')
except Exception as e:
    out.append(type(e).__name__)
try:
    out.append(repr(type(Z).__subclasses__(type(Z))))
except Exception as e:
    out.append(type(e).__name__)
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'class-assigned' in s or 'Popen' in s or 'ABCMeta' in s else s
