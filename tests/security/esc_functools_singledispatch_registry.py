# kind: escape
# expect: blocked
# desc: functools.singledispatch registry / dispatch(object) to reach object and its subclasses
import functools
@functools.singledispatch
def f(x):
    return 0
try:
    reg = f.registry
    obj = [k for k in reg][0]
    subs = obj.__subclasses__()
    s = repr(subs)
except Exception as e:
    s = 'blocked'
('ESC' + 'APED' + ':' + s[:200]) if 'Popen' in s or 'wrap_close' in s else s
