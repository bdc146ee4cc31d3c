# kind: escape
# expect: blocked
# desc: inputs with a host object must be refused; plain data inputs carry no host references
x = data
r = [type(v).__name__ for v in x]
'ESC' + 'APED:' + str(x.__class__.__subclasses__())
