# kind: escape
# expect: blocked
# desc: len.__self__ (the builtins module) then __import__
b = len.__self__
'ESC' + 'APED:' + str(b.__import__('os'))
