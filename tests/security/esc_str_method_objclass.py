# kind: escape
# expect: blocked
# desc: str.join.__objclass__ and method descriptor internals
d = str.join
'ESC' + 'APED:' + str(d.__objclass__.__subclasses__())
