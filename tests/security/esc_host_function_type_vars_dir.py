# kind: escape
# expect: blocked
# desc: a host function through type(), vars(), dir(), subclassing its type, object.__getattribute__ and format fields
found = []
tries = [
    lambda: vars(echo),
    lambda: type(echo)(echo),
    lambda: type(echo).__subclasses__(),
    lambda: type(echo).__mro__,
    lambda: type(echo).__dict__,
    lambda: type(echo).__call__(echo, 1),
    lambda: object.__getattribute__(echo, 'func'),
    lambda: object.__reduce_ex__(echo, 2),
    lambda: type('X', (type(echo),), {}),
    lambda: '{0.__doc__.__class__.__mro__[1].__subclasses__}'.format(echo),
    lambda: '{0.__class__.__init__.__globals__}'.format(echo),
    lambda: '{0.__name__.__class__.__base__.__subclasses__}'.format(echo),
    lambda: echo.__doc__.__class__.__base__.__subclasses__(),
]
for t in tries:
    try:
        found.append(repr(t())[:200])
    except Exception:
        pass
try:
    class Sub(type(echo)):
        pass
    found.append('subclassed')
except Exception:
    pass
names = [n for n in dir(echo) if n not in ('__class__', '__doc__', '__name__', '__qualname__')]
s = ' '.join(found) + ' ' + ' '.join(names)
('ESC' + 'APED:' + s) if ('subclasses' in s or 'globals' in s or 'subclassed' in s
                          or 'module' in s or names or 'mappingproxy' in s) else s
