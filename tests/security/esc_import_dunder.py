# kind: escape
# expect: blocked
# desc: __import__('os')
m = __import__('os')
'ESC' + 'APED:' + m.getcwd()
