# kind: escape
# expect: blocked
# desc: {}.get.__self__/__class__ chain and __init_subclass__
m = {}.get
k = m.__class__
'ESC' + 'APED:' + str(k.__dict__)
