# kind: escape
# expect: blocked
# desc: exec/eval with a '__builtins__' the sandbox sets (None, a dict, a fake module, the sandbox builtins module) grants nothing beyond the sandbox builtins
out = []
def attempt(src, g):
    try:
        out.append(repr(eval(src, g))[:100])
    except Exception as e:
        out.append(type(e).__name__)
g = {}
exec("pass", g)
b = g["__builtins__"]
for name in ("open", "__import__", "breakpoint", "input", "__loader__", "__spec__", "__dict__"):
    try:
        out.append(repr(getattr(b, name))[:100])
    except Exception as e:
        out.append(type(e).__name__)
for bt in (None, {}, {"open": 1}, 0, "os", b):
    attempt("open", {"__builtins__": bt})
    attempt("__import__('os')", {"__builtins__": bt})
    attempt("[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == 'catch_warnings']", {"__builtins__": bt})
exec("import sys\nmods = sorted(sys.modules) if hasattr(sys, 'modules') else []", g)
out.append(repr(g.get("mods"))[:200])
s = " ".join(out)
bad = ("built-in function open" in s or "module 'os'" in s or "catch_warnings" in s
       or "_frozen_importlib" in s or "posix" in s or "__import__" in s and "built-in" in s)
("ESC" + "APED:" + s) if bad else s
