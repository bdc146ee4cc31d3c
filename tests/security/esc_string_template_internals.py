# kind: escape
# expect: blocked
# desc: string.Template subclass with a crafted pattern/idpattern and its module globals
import string
class T(getattr(string, 'Template', object)):
    delimiter = '@'
    idpattern = '[_a-z.]+'
out = []
for call in (lambda: T('@__class__').substitute({'__class__': 1}), lambda: T.pattern, lambda: string.Template.__init_subclass__.__func__.__globals__,
             lambda: string._re, lambda: string.Template.substitute.__globals__, lambda: T('@x').safe_substitute(x=print)):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if "module 're'" in s or '__builtins__' in s else s
