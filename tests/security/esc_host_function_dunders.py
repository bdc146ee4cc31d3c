# kind: escape
# expect: blocked
# desc: a host function's attributes beyond __name__/__qualname__/__doc__: its host callable, module, code
allowed = {'__name__', '__qualname__', '__doc__', '__class__'}
names = ['__wrapped__', '__self__', '__func__', '__globals__', '__closure__', '__code__',
         '__reduce__', '__reduce_ex__', '__reduce_cython__', '__setstate_cython__', 'func',
         'name', 'doc', 'is_async', '__dict__', '__module__', '__defaults__', '__kwdefaults__',
         '__annotations__', '__builtins__', '__call__', '__get__', '__init__', '__new__',
         '__getattribute__', '__getstate__', '__setattr__', '__init_subclass__',
         '__subclasshook__', '__dir__', '__format__', '__sizeof__', '__text_signature__']
got = []
for n in names:
    try:
        getattr(echo, n)
        got.append(n)
    except AttributeError:
        pass
    try:
        ('{0.' + n + '}').format(echo)
        got.append('format:' + n)
    except (AttributeError, ValueError, KeyError):
        pass
('ESC' + 'APED:' + str(got)) if got else 'ok'
