# kind: escape
# expect: blocked
# desc: format field names assembled at run time from chr()
name = ''.join(chr(c) for c in (95, 95, 103, 108, 111, 98, 97, 108, 115, 95, 95))
def f():
    pass
try:
    s = ('{0.' + name + '}').format(f)
except Exception as e:
    s = 'blocked'
('ESC' + 'APED' + ':' + s) if 'builtins' in s else s
