# kind: escape
# expect: blocked
# desc: super() proxies of builtin types must not open dunder traversal (__thisclass__, __self_class__)
x = super(int, 1)
out = 'blocked'
for name in ('__thisclass__', '__self_class__', '__self__', '__subclasses__'):
    try:
        out = 'ESC' + 'APED:' + str(getattr(x, name))
        break
    except AttributeError:
        pass
out
