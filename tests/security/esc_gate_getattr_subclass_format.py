# kind: escape
# expect: blocked
# desc: getattr(S(fmt), 'format') and format through a bound method held in a variable
class S(str):
    pass
fmt = getattr(S('{0.__init__.__globals__}'), 'format')
try:
    s = fmt(fmt)
except Exception as e:
    s = type(e).__name__
('ESC' + 'APED:' + s) if 'builtins' in s else s
