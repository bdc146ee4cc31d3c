# kind: escape
# expect: blocked
# desc: int.mro() then object.__subclasses__ (simpleeval mro escape)
root = int.mro()[-1]
'ESC' + 'APED:' + str(len(root.__subclasses__()))
