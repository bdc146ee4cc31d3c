# kind: escape
# expect: blocked
# desc: str.format called unbound on a str subclass instance must use the sandbox's checked format (no attribute traversal past the gate)
class S(str):
    pass
try:
    r = str.format(S('{0.__class__.__mro__}'), 1)
except Exception as e:
    r = type(e).__name__
'ESC' + 'APED' if 'object' in r else r
