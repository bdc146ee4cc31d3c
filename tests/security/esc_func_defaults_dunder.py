# kind: escape
# expect: blocked
# desc: __defaults__/__kwdefaults__ mutation and __dict__ of a function
def f(a=1):
    return a
f.__defaults__ = (2,)
'ESC' + 'APED:' + str(f.__dict__)
