# kind: dos
# expect: blocked
# desc: raise in except forever to grow the context chain
def f(n):
    try:
        raise ValueError(n)
    except ValueError:
        return f(n + 1)
f(0)
