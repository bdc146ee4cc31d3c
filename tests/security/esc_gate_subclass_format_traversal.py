# kind: escape
# expect: blocked
# desc: str subclass: S(fmt).format(x) walked fields with CPython's own str.format (class MRO, subclasses, globals)
class S(str):
    pass
s = S('{0.__class__.__mro__[1].__subclasses__}').format(1)
('ESC' + 'APED:' + s) if 'method' in s or 'built-in' in s else s
