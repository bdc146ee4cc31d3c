# kind: escape
# expect: blocked
# desc: __init_subclass__ and __set_name__ receiving the class, then walking its bases and dict
out = []
class Base:
    def __init_subclass__(cls, **kw):
        for call in (lambda: cls.__mro__[-1].__subclasses__(), lambda: cls.__dict__, lambda: cls.__base__.__init_subclass__.__self__):
            try:
                out.append(repr(call())[:100])
            except Exception:
                pass
class D:
    def __set_name__(self, owner, name):
        try:
            out.append(repr(vars(owner).keys().mapping)[:100])
        except Exception:
            pass
class C(Base):
    d = D()
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'Popen' in s or 'mappingproxy' in s or 'wrap_close' in s else s
