# kind: escape
# expect: blocked
# desc: bool.__bases__[0].__bases__[0] -> object
o = bool.__bases__[0].__bases__[0]
'ESC' + 'APED:' + str(o.__subclasses__())
