# kind: escape
# expect: blocked
# desc: a dict subclass with __missing__ (built by type()) feeding format_map must not open attribute traversal
D = type('D', (dict,), {'__missing__': lambda s, k: 1})
s = '{x.__class__.__base__.__subclasses__}'.format_map(D())
'ESC' + 'APED:' + s
