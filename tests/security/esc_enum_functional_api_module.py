# kind: escape
# expect: blocked
# desc: Enum('E', names, module=..., type=...) and a _missing_ hook returning internals
import enum
out = []
try:
    E = enum.Enum('E', 'a b', module='os', qualname='os.system')
    out.append(repr(E.__module__))
    out.append(repr(E.__reduce_ex__(2)))
except Exception as e:
    out.append(type(e).__name__)
class F(enum.Enum):
    X = 1
    @classmethod
    def _missing_(cls, value):
        out.append(repr(cls.__mro__[-1].__subclasses__())[:100])
        return None
try:
    F(5)
except Exception:
    pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'Popen' in s or 'system' in s and 'function' in s else s
