# kind: escape
# expect: blocked
# desc: ().__reduce_ex__(2) to obtain copyreg functions
r = ().__reduce_ex__(2)
'ESC' + 'APED:' + str(r)
