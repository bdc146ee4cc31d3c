# kind: dos
# expect: blocked
# desc: generator catching GeneratorExit and yielding again, closed repeatedly
def g():
    while True:
        try:
            yield 1
        except BaseException:
            pass
x = g()
next(x)
while True:
    try:
        x.close()
    except RuntimeError:
        pass
