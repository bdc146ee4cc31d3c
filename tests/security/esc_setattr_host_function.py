# kind: escape
# expect: blocked
# desc: setattr on a host function to plant an attribute the host reads
echo.__name__ = 'x'
setattr(echo, 'func', len)
'ESC' + 'APED:' + 'set'
