# kind: escape
# expect: blocked
# desc: chained getattr on int methods towards __self__/__class__
f = getattr(getattr(1, 'bit_length'), '__self__')
g = getattr(getattr(f, '__class__'), '__subclasses__')
'ESC' + 'APED:' + str(g())
