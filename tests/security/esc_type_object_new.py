# kind: escape
# expect: blocked
# desc: object.__new__ / type.__call__ via type(type)
T = type(type)
x = T.__call__(T, 'X', (), {})
'ESC' + 'APED:' + str(x)
