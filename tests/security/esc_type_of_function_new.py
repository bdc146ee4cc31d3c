# kind: escape
# expect: blocked
# desc: type(f) to build a new function from code and globals (types.FunctionType)
def f():
    pass
FT = type(f)
g = FT(f.__code__, {})
'ESC' + 'APED:' + str(g)
