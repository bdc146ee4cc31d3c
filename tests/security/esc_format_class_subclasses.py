# kind: escape
# expect: blocked
# desc: '{0.__class__.__mro__[1].__subclasses__}'.format(1)
s = '{0.__class__.__mro__[1].__subclasses__}'.format(1)
('ESC' + 'APED:' + s) if 'method' in s else s
