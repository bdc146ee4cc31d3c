# kind: dos
# expect: blocked
# desc: f(*range(10**9)) : a billion positional arguments
def f(*a):
    return len(a)
f(*range(10 ** 9))
