# kind: escape
# expect: blocked
# desc: print.__self__ / print.__module__ to reach builtins
b = print.__self__
'ESC' + 'APED:' + str(b)
