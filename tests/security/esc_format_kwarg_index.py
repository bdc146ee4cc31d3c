# kind: escape
# expect: blocked
# desc: format keyword field with index into __dict__
s = '{x.__class__.__dict__[keys]}'.format(x=1)
('ESC' + 'APED:' + s) if 'method' in s else s
