# kind: escape
# expect: blocked
# desc: eval/exec of the classic ().__class__ chains, through globals(), frames of exec'd generators and the functions exec defines, stays within the attribute policy
chains = [
    "().__class__.__bases__[0].__subclasses__()",
    "().__class__.__base__.__subclasses__()",
    "[c for c in ().__class__.__mro__[-1].__subclasses__() if 'warn' in c.__name__]",
    "(lambda: 0).__globals__",
    "(lambda: 0).__code__.co_consts",
    "(i for i in ()).gi_frame.f_globals",
    "(i for i in ()).gi_code",
    "globals()['__builtins__'].__dict__",
    "type(globals()).__dict__",
    "globals().__class__.__init__.__globals__",
    "eval.__self__",
    "exec.__self__.__dict__",
    "compile.__self__",
    "[].__class__.__class__.__subclasses__([].__class__.__class__)",
]
out = []
for src in chains:
    for ns in ((), ({},), ({}, {})):
        try:
            out.append(repr(eval(src, *ns))[:120])
        except Exception as e:
            out.append(type(e).__name__)
g = {}
exec("def f():\n    yield 1\ngen = f()\n", g)
for n in ("gi_frame", "gi_code", "__globals__"):
    for obj in (g["gen"], g["f"]):
        try:
            out.append(repr(getattr(obj, n))[:80])
        except Exception as e:
            out.append(type(e).__name__)
s = " ".join(out)
bad = ("catch_warnings" in s or "_wrap_close" in s or "BuiltinImporter" in s or "<frame" in s
       or "<code" in s or "module 'builtins' (built-in)" in s or "built-in function open" in s
       or "__loader__" in s)
("ESC" + "APED:" + s) if bad else s
