# kind: escape
# expect: blocked
# desc: [].append.__self__ and __func__ of a builtin bound method
m = [].append
s = m.__self__
'ESC' + 'APED:' + str(type(s).__subclasses__())
