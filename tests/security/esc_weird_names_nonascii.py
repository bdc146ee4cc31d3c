# kind: escape
# expect: blocked
# desc: non-ASCII lookalike dunder names (NFKC normalises identifiers)
def f():
    pass
g = f.__ｇlobals__
'ESC' + 'APED:' + str(g)
