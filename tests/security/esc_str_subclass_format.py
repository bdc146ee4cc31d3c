# kind: escape
# expect: blocked
# desc: str subclass with __format__ hijack
S = type('S', (str,), {'__format__': lambda s, spec: str(s.__class__.__subclasses__())})
'ESC' + 'APED:' + format(S('a'), '')
