# kind: escape
# expect: blocked
# desc: f-string {{x.__class__.__base__.__subclasses__()}}
s = f'{(1).__class__.__base__.__subclasses__()}'
'ESC' + 'APED:' + s
