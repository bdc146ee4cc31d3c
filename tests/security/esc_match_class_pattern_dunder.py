# kind: escape
# expect: blocked
# desc: match class patterns with dunder keyword attributes (attribute lookup inside pattern matching)
def f():
    pass
out = []
match f:
    case object(__globals__=g):
        out.append(repr(g)[:100])
    case _:
        pass
match 1:
    case object(__class__=c):
        try:
            out.append(repr(c.__base__.__subclasses__())[:100])
        except Exception:
            pass
match f:
    case object(__code__=co, __builtins__=b):
        out.append(repr((co, b))[:100])
    case _:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or 'code object' in s or 'Popen' in s else s
