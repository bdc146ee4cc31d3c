# kind: escape
# expect: blocked
# desc: lambda's __globals__ via getattr with a computed name
g = getattr(lambda: 0, ''.join(['__', 'glo', 'bals', '__']))
'ESC' + 'APED:' + str(sorted(g))
