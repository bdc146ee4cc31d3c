# kind: escape
# expect: blocked
# desc: exec/eval with dict subclasses and non-dict mappings as globals/locals: no override runs on the host side, nothing host-side leaks
out = []
calls = []
class G(dict):
    def __getitem__(self, k):
        calls.append(k)
        return 1
    def __missing__(self, k):
        calls.append(k)
        return 2
    def get(self, k, d=None):
        calls.append(k)
        return 3
    def __contains__(self, k):
        calls.append(k)
        return True
class M:
    def __getitem__(self, k):
        calls.append(k)
        return 4
    def keys(self):
        return ["a"]
for g, l in ((G(), None), (G(a=1), G()), ({}, M()), (M(), None), ([], None), ({}, []), ({}, "abc")):
    try:
        out.append(repr(eval("a", g, l))[:60])
    except Exception as e:
        out.append(type(e).__name__ + ":" + str(e)[:60])
    try:
        exec("def f():\n    return __builtins__, f.__globals__\nr = f()", g, l)
        out.append(repr(g.get("r") if type(g) is dict else None)[:60])
    except Exception as e:
        out.append(type(e).__name__ + ":" + str(e)[:60])
s = " ".join(out) + " calls=" + repr(calls)
bad = "frame" in s or "<code" in s or "module 'os'" in s or "mappingproxy" in s
("ESC" + "APED:" + s) if bad else s
