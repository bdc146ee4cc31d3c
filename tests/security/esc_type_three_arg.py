# kind: escape
# expect: blocked
# desc: type(name, bases, dict) to build a class with hooks
K = type('K', (object,), {'__eq__': lambda s, o: True})
'ESC' + 'APED:' + str(K.__subclasses__())
