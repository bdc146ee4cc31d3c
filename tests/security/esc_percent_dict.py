# kind: escape
# expect: blocked
# desc: '%(x)s' % mapping with a crafted mapping object
s = '%(a)s %(b)r' % {'a': len, 'b': print}
('ESC' + 'APED:' + s) if 'module' in s or 'at 0x' in s else s
