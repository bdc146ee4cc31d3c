# kind: escape
# expect: blocked
# desc: dataclasses.fields() Field objects, __dataclass_fields__, default_factory and the generated __init__
import dataclasses
@dataclasses.dataclass
class A:
    x: list = dataclasses.field(default_factory=list)
out = []
for call in (lambda: A.__dataclass_fields__, lambda: dataclasses.fields(A)[0].default_factory.__self__,
             lambda: A.__init__.__globals__, lambda: dataclasses.fields(A)[0].type.__subclasses__(),
             lambda: dataclasses.fields(A)[0].__class__.__mro__, lambda: A.__dataclass_params__):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or 'Popen' in s else s
