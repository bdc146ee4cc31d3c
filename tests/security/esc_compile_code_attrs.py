# kind: escape
# expect: blocked
# desc: a compile() code object exposes no CPython code internals (co_code, co_consts, replace, __reduce__, its type's constructor)
c = compile("def f():\n    return 1\nx = f()", "<s>", "exec")
out = []
names = ["co_code", "co_consts", "co_names", "co_varnames", "co_filename", "co_name", "co_lines",
         "co_positions", "co_linetable", "co_exceptiontable", "replace", "_varname_from_oparg",
         "__reduce__", "__reduce_ex__", "__getstate__", "__dict__", "__class__", "__init__",
         "__new__", "__subclasshook__", "code", "vm", "filename"]
for n in names:
    try:
        out.append(n + "=" + repr(getattr(c, n))[:80])
    except Exception as e:
        out.append(n + ":" + type(e).__name__)
t = type(c)
for attempt in (lambda: t(), lambda: t.__new__(t), lambda: t.mro(), lambda: vars(c), lambda: dir(c)):
    try:
        out.append(repr(attempt())[:100])
    except Exception as e:
        out.append(type(e).__name__)
g = {}
exec(c, g)
f = g["f"]
for n in ("__code__", "__globals__", "__closure__", "__builtins__"):
    try:
        v = getattr(f, n)
        out.append(n + "=" + repr(v)[:80])
        if n == "__code__":
            out.append(repr(getattr(v, "co_code", None))[:80])
    except Exception as e:
        out.append(n + ":" + type(e).__name__)
s = " ".join(out)
bad = "b'" in s or "<built-in method replace" in s or "co_code=" in s or "co_consts=" in s or "_core" in s
("ESC" + "APED:" + s) if bad else s
