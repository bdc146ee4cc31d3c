# kind: escape
# expect: blocked
# desc: typing.NamedTuple / collections.namedtuple generated methods: __new__ globals, _make, module
import collections, typing
T = collections.namedtuple('T', 'a b', module='os')
class U(typing.NamedTuple):
    a: int
out = []
for call in (lambda: T.__new__.__globals__, lambda: T._make.__func__.__globals__, lambda: T.__module__,
             lambda: U.__new__.__builtins__, lambda: T._field_defaults, lambda: vars(T)):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or '_sys' in s or 'tuple_new' in s else s
