# kind: dos
# expect: blocked
# desc: a list comprehension of 1 MB strings, returned from a function (the partial list lives on a value stack)
def f():
    return ['y' * 10 ** 6 for _ in range(1000)]
x = f()
