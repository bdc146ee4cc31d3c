# kind: escape
# expect: blocked
# desc: object.__getattribute__ / type.__getattribute__ / super().__getattribute__ with dunder names
def f():
    pass
out = []
for call in (lambda: object.__getattribute__(f, '__globals__'),
             lambda: type.__getattribute__(int, '__subclasses__'),
             lambda: super(type(f), f).__getattribute__('__globals__'),
             lambda: object.__getattribute__(object, '__subclasses__')):
    try:
        out.append(call())
    except Exception:
        pass
('ESC' + 'APED' + ':' + repr(out)[:200]) if out else 'clean'
