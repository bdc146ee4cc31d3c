# kind: escape
# expect: blocked
# desc: dict with __missing__ via type() to hijack format_map lookups
D = type('D', (dict,), {'__missing__': lambda s, k: k})
s = '{__globals__}'.format_map(D())
'ESC' + 'APED:' + s
