# kind: escape
# expect: blocked
# desc: set().__class__.__base__.__subclasses__() to reach os-level classes (classic pyjail walk from a set)
root = set().__class__
while getattr(root, '__base__', None) is not None:
    root = root.__base__
names = [c.__name__ for c in root.__subclasses__()]
'ESC' + 'APED:' + str(len(names)) if names else 'no'
