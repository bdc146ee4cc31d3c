# kind: escape
# expect: blocked
# desc: type(len)(...) to construct a builtin function / reach its type's methods
BF = type(len)
x = BF.__call__
'ESC' + 'APED:' + str(x)
