# kind: escape
# expect: blocked
# desc: host function returning a host object (must be refused at the boundary)
o = host_object()
'ESC' + 'APED:' + str(o.__class__)
