# kind: escape
# expect: blocked
# desc: '{0.__globals__}'.format(f) from a sandbox function
def f():
    pass
s = '{0.__globals__}'.format(f)
('ESC' + 'APED:' + s) if 'builtins' in s else s
