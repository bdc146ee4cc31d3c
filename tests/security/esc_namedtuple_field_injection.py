# kind: escape
# expect: blocked
# desc: namedtuple field names and defaults crafted to inject code into the generated source
import collections
out = []
for names in (['a=__import__("os")'], ['a', 'b):\n import os\n def x(_cls'], 'a, __builtins__'):
    try:
        T = collections.namedtuple('T', names, rename=True)
        out.append(repr(T._fields))
    except Exception as e:
        out.append(type(e).__name__)
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'os' in s and 'module' in s else s
