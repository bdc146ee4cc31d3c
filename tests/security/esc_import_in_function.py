# kind: escape
# expect: blocked
# desc: import inside a function body
def f():
    import sys
    return sys.modules
'ESC' + 'APED:' + str(f())
