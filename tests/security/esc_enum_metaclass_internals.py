# kind: escape
# expect: blocked
# desc: Enum class internals: _member_map_, __class__ (EnumMeta), _missing_, __members__, __reduce_ex__
import enum
class C(enum.Enum):
    A = 1
out = []
for call in (lambda: C._member_map_, lambda: type(C).__call__, lambda: type(C).__mro__, lambda: C.__members__,
             lambda: C.A.__reduce_ex__(2), lambda: C._missing_, lambda: C.__class__.__prepare__,
             lambda: type(C).__call__.__globals__, lambda: C.A.__class__.__new__.__globals__):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or '_sys' in s else s
