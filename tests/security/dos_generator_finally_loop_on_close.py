# kind: dos
# expect: blocked
# desc: generator whose finally loops forever, closed by del/garbage
def g():
    try:
        yield 1
    finally:
        while True:
            pass
x = g()
next(x)
del x
