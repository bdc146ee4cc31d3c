# kind: escape
# expect: blocked
# desc: globals()/locals()/vars()/dir() to find hidden names
g = globals()
'ESC' + 'APED:' + str(list(g))
