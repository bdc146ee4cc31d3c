# kind: escape
# expect: blocked
# desc: format() with a custom __format__-less object spec
s = format(len, '')
('ESC' + 'APED:' + s) if 'at 0x' in s else s
