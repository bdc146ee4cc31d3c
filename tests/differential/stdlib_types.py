# types: isinstance against the types of sandbox values
import types
def f(): pass
def g(): yield 1
async def c(): pass
class K:
    def m(self): pass
co = c()
out = [isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(K().m, types.MethodType),
       isinstance(g(), types.GeneratorType), isinstance(co, types.CoroutineType), isinstance(len, types.BuiltinFunctionType),
       isinstance([].append, types.BuiltinMethodType), isinstance(f, types.BuiltinFunctionType), isinstance(K.m, types.FunctionType),
       isinstance(types, types.ModuleType), isinstance(None, types.NoneType), isinstance(1, types.FunctionType),
       isinstance(g, types.GeneratorType), isinstance(K, types.FunctionType), repr(types.FunctionType), repr(types.MethodType)]
co.close()
ns = types.SimpleNamespace(a=1, b=[2])
ns.c = 'x'
out += [repr(ns), ns.a, ns == types.SimpleNamespace(a=1, b=[2], c='x'), vars(ns)]
mp = types.MappingProxyType({'k': 1})
out += [mp['k'], len(mp), list(mp), 'k' in mp, mp.get('z', 0), repr(mp), dict(mp.items()), mp == {'k': 1}, mp | {'z': 2}, type(mp).__name__]
for bad in (lambda: mp.__setitem__('q', 1), lambda: types.MappingProxyType([1]), lambda: types.FunctionType(1), lambda: types.SimpleNamespace(1)):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        out.append(type(e).__name__)
try:
    mp['q'] = 1
except TypeError as e:
    out.append(str(e))
out
# ---
# types.SimpleNamespace: nested repr, recursion, equality, attribute deletion
import types
a = types.SimpleNamespace(x=1)
a.self = a
b = types.SimpleNamespace(inner=types.SimpleNamespace(y=2), items=[1, 2])
del b.items
r = [repr(a), repr(b), b.inner.y, hasattr(b, 'items'), types.SimpleNamespace() == types.SimpleNamespace(),
     types.SimpleNamespace(a=1) != types.SimpleNamespace(a=2)]
class Sub(types.SimpleNamespace):
    pass
r + [repr(Sub(k='v')), isinstance(Sub(), types.SimpleNamespace)]
# ---
# type names through the types module
import types
[types.FunctionType.__name__, types.MethodType.__name__, types.GeneratorType.__name__, types.NoneType.__name__]
