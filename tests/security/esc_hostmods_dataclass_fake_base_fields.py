# kind: escape
# expect: blocked
# desc: a base class whose __dataclass_fields__ holds a fake Field (its _field_type equal to anything): its name becomes source of the generated __init__
import dataclasses
class AnyMarker:
    def __eq__(self, other):
        return True
    def __hash__(self):
        return 0
class FakeField:
    name = "x=__import__('os').getcwd(),*q"
    _field_type = AnyMarker()
    default = dataclasses.MISSING
    default_factory = dataclasses.MISSING
    init = True
    repr = True
    compare = True
    hash = None
    kw_only = False
    type = int
    metadata = {}
class Params:
    frozen = False
out = []
try:
    class B:
        __dataclass_fields__ = {'x': FakeField()}
        __dataclass_params__ = Params()
    @dataclasses.dataclass(repr=False, eq=False)
    class C(B):
        pass
    out.append(repr(C.__init__.__defaults__))
except Exception as e:
    out.append(type(e).__name__)
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '/' in s or 'SyntaxError' in s else s
