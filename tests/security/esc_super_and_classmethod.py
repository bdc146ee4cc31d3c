# kind: escape
# expect: blocked
# desc: super()/classmethod/staticmethod/property builtins
x = super(int, 1)
'ESC' + 'APED:' + str(x)
