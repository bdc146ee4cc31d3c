# kind: escape
# expect: blocked
# desc: exception class __subclasses__ / __base__ walk
k = ValueError.__base__.__base__.__base__
'ESC' + 'APED:' + str(k.__subclasses__())
