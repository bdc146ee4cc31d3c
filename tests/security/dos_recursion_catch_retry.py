# kind: dos
# expect: blocked
# desc: catch RecursionError and recurse again forever
def f():
    try:
        return f()
    except RecursionError:
        return f()
f()
