# kind: escape
# expect: blocked
# desc: typing.get_type_hints / ForwardRef evaluating string annotations with eval
import typing
def f(x: "__import__('os').getcwd()", y: "open('/etc/hostname').read()") -> "globals()":
    pass
out = []
try:
    out.append(repr(typing.get_type_hints(f)))
except Exception as e:
    out.append(type(e).__name__)
try:
    r = typing.ForwardRef("__import__('os').getcwd()")
    out.append(repr(r._evaluate(None, None, frozenset())))
except Exception as e:
    out.append(type(e).__name__)
s = ' '.join(out)
# string annotations must never be evaluated (they may come back as the strings themselves)
for text in ("__import__('os').getcwd()", "open('/etc/hostname').read()"):
    s = s.replace(text, '')
('ESC' + 'APED' + ':' + s) if '/' in s else s
