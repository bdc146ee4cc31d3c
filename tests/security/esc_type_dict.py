# kind: escape
# expect: blocked
# desc: vars()/__dict__ of a builtin type to reach raw descriptors
d = int.__dict__
'ESC' + 'APED:' + str(len(d))
