# kind: escape
# expect: blocked
# desc: compile() to build a code object
c = compile('1', 'x', 'eval')
'ESC' + 'APED:' + str(c)
