# kind: escape
# expect: blocked
# desc: dict views' .mapping and vars(class) to reach a class's real __dict__
class A:
    x = 1
out = []
for call in (lambda: vars(A).keys().mapping, lambda: A.__dict__.keys().mapping, lambda: int.__dict__.values().mapping,
             lambda: {}.items().mapping, lambda: vars(A)['__dict__'], lambda: type.__dict__['__subclasses__'](object)):
    try:
        r = call()
        out.append(repr(r)[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'mappingproxy' in s or 'Popen' in s or 'getset_descriptor' in s else s
