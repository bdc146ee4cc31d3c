# kind: escape
# expect: blocked
# desc: function __code__.co_consts / replace to craft code
def f():
    return 1
c = f.__code__
'ESC' + 'APED:' + str(c.co_consts)
