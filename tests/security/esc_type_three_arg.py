# kind: escape
# expect: blocked
# desc: a class built by type(name, bases, dict) must not open a path to object's subclasses
K = type('K', (object,), {'__eq__': lambda s, o: True})
root = K.mro()[-1]
'ESC' + 'APED:' + str(len(root.__subclasses__()))
