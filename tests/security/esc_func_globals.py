# kind: escape
# expect: blocked
# desc: sandbox function __globals__ then builtins
def f():
    pass
g = f.__globals__
'ESC' + 'APED:' + str(g['__builtins__'])
