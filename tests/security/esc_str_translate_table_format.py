# kind: escape
# expect: blocked
# desc: str.translate / re.sub / dict.get with a bound str.format as the table or callback (a native caller)
import re
class T:
    __getitem__ = '{0.__class__.__base__.__subclasses__}'.format
out = []
for call in (lambda: 'a'.translate(T()), lambda: re.sub('a', '{0.__class__.__base__.__subclasses__}'.format, 'a'),
             lambda: ''.join(map('{0.__class__.__base__.__subclasses__}'.format, [1])),
             lambda: sorted([1], key='{0.__class__.__base__.__subclasses__}'.format)):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'built-in method' in s else s
