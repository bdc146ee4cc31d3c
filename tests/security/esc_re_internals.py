# kind: escape
# expect: blocked
# desc: re Pattern/Match internals: scanner, re, string, _compile globals, sub callback handed a Match
import re
out = []
p = re.compile('(x)')
m = p.match('x')
for call in (lambda: p.scanner('x'), lambda: re._compile.__globals__, lambda: re._cache, lambda: m.re.__class__.__mro__,
             lambda: type(m).__mro__[-1].__subclasses__(), lambda: re.sub('x', lambda mm: repr(mm.__class__.__mro__), 'x'),
             lambda: p.__reduce__(), lambda: re.template):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or 'Popen' in s or 'sre_compile' in s else s
