# kind: escape
# expect: blocked
# desc: f-string conversion !r of a function then format of its globals
def g():
    pass
s = f'{g.__globals__!r}'
'ESC' + 'APED:' + s
