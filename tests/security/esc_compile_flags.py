# kind: escape
# expect: blocked
# desc: compile() flags (ast.PyCF_ONLY_AST, top-level await, type comments, future flags, unknown bits) never give an AST or host object
out = []
for flags in (0x400, 0x2000, 0x1000, 0x4000, 0x1000000, 0x400 | 0x2000, 1 << 30, -1, True):
    for mode in ("exec", "eval", "single", "func_type"):
        try:
            r = compile("1", "<s>", mode, flags)
            out.append(type(r).__name__)
        except Exception as e:
            out.append(type(e).__name__)
try:
    out.append(repr(compile("x", "<s>", "exec", flags=0x400, dont_inherit=True, optimize=2)))
except Exception as e:
    out.append(type(e).__name__)
s = " ".join(out)
("ESC" + "APED:" + s) if "Module" in s or "Expression" in s or "AST" in s or "ast." in s else s
