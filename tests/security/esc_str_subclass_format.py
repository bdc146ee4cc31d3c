# kind: escape
# expect: blocked
# desc: a str subclass whose __format__ walks from its class to object's subclasses
S = type('S', (str,), {'__format__': lambda s, spec: str(s.__class__.__mro__[-1].__subclasses__())})
'ESC' + 'APED:' + format(S('a'), '')
