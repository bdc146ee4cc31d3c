# kind: escape
# expect: blocked
# desc: exception class __module__/__init__.__globals__
g = KeyError.__init__.__globals__
'ESC' + 'APED:' + str(g)
