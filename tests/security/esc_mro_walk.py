# kind: escape
# expect: blocked
# desc: type(x).__mro__[-1] then __subclasses__ (mro variant of the object walk)
root = type([]).__mro__[-1]
subs = root.__subclasses__()
'ESC' + 'APED:' + str(len(subs))
