# globals() and locals()
x = 1
y = 'two'
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
g = globals()
[g['x'], g['y'], 'f' in g, 'missing' in g, f(1), type(g).__name__, sorted(k for k in globals() if not k.startswith('_') and k in ('x', 'y', 'f'))]
# ---
# locals() at module level is globals()
z = 5
[locals()['z'], 'z' in locals()]
# ---
# locals() in a closure sees free variables
def outer():
    n = 3
    def inner():
        return n, sorted(locals())
    return inner()
outer()
