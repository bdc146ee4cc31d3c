# kind: escape
# expect: blocked
# desc: enum.EnumType called directly with a namespace holding __del__: the enum class bypasses the class statement's rules and its members get a finalizer that runs whenever the host frees them
import enum
hits = []
def fin(self):
    hits.append(1)
out = []
for ns in ({'A': 1, '__del__': fin}, {'__monty_class__': True, 'A': 1, '__del__': fin}):
    try:
        E = enum.EnumType('E', (enum.Enum,), ns)
        out.append(str(hasattr(type(E.A), '__del__') or hasattr(E, '__del__')))
    except Exception as e:
        out.append(type(e).__name__)
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'True' in s else s
