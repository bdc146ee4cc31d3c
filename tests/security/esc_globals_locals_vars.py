# kind: escape
# expect: blocked
# desc: globals()/locals()/vars()/dir() to find hidden names (the VM's helpers, internal modules' globals)
import json, collections
def f():
    return list(locals()) + list(globals())
g = globals()
names = list(g) + list(locals()) + dir() + list(vars()) + f() + list(g.keys()) + [k for k, v in g.items()]
hidden = [n for n in names if not n.isidentifier()]
('ESC' + 'APED:' + str(hidden)) if hidden else sorted(set(names))
