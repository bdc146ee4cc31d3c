# kind: escape
# expect: blocked
# desc: exception __dict__ / __reduce__ to reach internals
e = ValueError('x')
'ESC' + 'APED:' + str(e.__reduce__()) + str(e.__dict__)
