# kind: escape
# expect: blocked
# desc: a dataclass default whose __class__ property claims dataclasses.Field: dataclasses takes it for the field and formats its name property into the generated __eq__
import dataclasses
class Fake:
    @property
    def __class__(self):
        return dataclasses.Field
    @property
    def name(self):
        return "x,)==(0,)or __import__('os').getcwd()#"
    @name.setter
    def name(self, v):
        pass
    default = dataclasses.MISSING
    default_factory = dataclasses.MISSING
    init = True
    repr = True
    hash = None
    compare = True
    metadata = {}
    kw_only = False
out = []
try:
    class A:
        x: int = Fake()
    A = dataclasses.dataclass(init=False, repr=False)(A)
    a = A()
    out.append(str(a == a))
except Exception as e:
    out.append(type(e).__name__ + str(e))
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '/' in s or 'SyntaxError' in s else s
