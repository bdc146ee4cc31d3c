# kind: escape
# expect: blocked
# desc: function __builtins__ attribute (3.10+ functions carry it)
def f():
    pass
b = f.__builtins__
'ESC' + 'APED:' + str(b['__import__'])
