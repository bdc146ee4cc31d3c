# kind: escape
# expect: blocked
# desc: string.Formatter().format / vformat / get_field walking __class__ to object subclasses
import string
out = []
try:
    F = string.Formatter()
except AttributeError:
    F = None
for call in (lambda: F.format('{0.__class__.__base__.__subclasses__}', 1),
             lambda: F.vformat('{x.__init__.__globals__}', (), {'x': F}),
             lambda: F.get_field('0.__class__.__mro__', (1,), {})):
    try:
        out.append(str(call()))
    except Exception as e:
        out.append('blocked')
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if ('subclasses' in s and 'method' in s) or "'object'" in s or 'globals' in s.lower() and 'module' in s else s
