# kind: escape
# expect: blocked
# desc: operator.attrgetter('__class__.__base__.__subclasses__') and methodcaller('__getattribute__')
import operator
out = []
for g in (operator.attrgetter('__class__.__base__.__subclasses__'),
          operator.attrgetter('__init__.__globals__'),
          operator.methodcaller('__getattribute__', '__class__'),
          operator.methodcaller('__reduce_ex__', 2)):
    try:
        out.append(g(1) if 'subclasses' in repr(g) else g(operator))
    except Exception:
        out.append(None)
try:
    subs = out[0]()
    hit = [c for c in subs if 'Popen' in repr(c) or 'wrap_close' in repr(c)]
except Exception:
    hit = []
('ESC' + 'APED' + ':' + repr(hit)) if hit else 'clean'
