# kind: escape
# expect: blocked
# desc: nested replacement fields inside the format spec
s = '{0:{1.__class__.__name__}}'.format(1, 2)
('ESC' + 'APED:' + s) if s else s
