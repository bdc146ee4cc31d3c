# kind: escape
# expect: blocked
# desc: __builtins__ / __loader__ / __spec__ names
x = [__loader__, __spec__, __builtins__]
'ESC' + 'APED:' + str(x)
