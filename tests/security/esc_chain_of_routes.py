# kind: escape
# expect: blocked
# desc: a mixture: every classic route in turn, each failure caught with except Exception
found = []
routes = [
    lambda: ().__class__.__bases__[0].__subclasses__(),
    lambda: ''.__class__.__mro__[-1].__subclasses__(),
    lambda: [].__class__.__base__.__subclasses__(),
    lambda: (lambda: 0).__globals__['__builtins__'],
    lambda: (x for x in ()).gi_frame.f_globals,
    lambda: print.__self__.__import__('os'),
    lambda: type.__subclasses__(object),
    lambda: object.__subclasses__(),
    lambda: vars(type)['__subclasses__'](object),
    lambda: getattr(getattr(1, '__class__'), '__base__').__subclasses__(),
    lambda: '{0.__class__.__base__.__subclasses__}'.format(0),
    lambda: f'{(1).__class__.__base__}',
    lambda: __builtins__,
    lambda: __loader__,
    lambda: __spec__,
    lambda: __import__('os'),
]
for r in routes:
    try:
        v = r()
        found.append(repr(v)[:80])
    except BaseException:
        pass
s = ' '.join(found)
('ESC' + 'APED' + ':' + s) if 'Popen' in s or 'wrap_close' in s or "module 'os'" in s or 'builtins' in s else s
