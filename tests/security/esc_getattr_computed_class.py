# kind: escape
# expect: blocked
# desc: getattr(x, chr-built '__class__') then __subclasses__
n = ''.join(chr(c) for c in [95, 95, 99, 108, 97, 115, 115, 95, 95])
t = getattr((), n)
s = getattr(getattr(t, '__ba' + 'se__'), '__subcla' + 'sses__')()
'ESC' + 'APED:' + str(len(s))
