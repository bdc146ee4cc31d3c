# kind: escape
# expect: blocked
# desc: the globals() mapping: no VM or host object behind it, hidden slots ('.name' of internal modules) unreachable, its type not constructible
import json
g = globals()
out = []
for n in ("vm", "__dict__", "__class__", "__reduce__", "__reduce_ex__", "__init__", "__getitem__", "_vm"):
    try:
        out.append(n + "=" + repr(getattr(g, n))[:80])
    except Exception as e:
        out.append(n + ":" + type(e).__name__)
for key in (".json_dumps", ".handled", ".ns_load", "._b_x", "a.b", 1, None):
    try:
        out.append(repr(g[key])[:80])
    except Exception as e:
        out.append(type(e).__name__)
    try:
        g[key] = "ESC" + "APED_set"
        out.append("set " + repr(key))
    except Exception as e:
        out.append(type(e).__name__)
try:
    out.append(repr(type(g)())[:80])
except Exception as e:
    out.append(type(e).__name__)
out.append(json.dumps([1]))
out.append(repr(sorted(k for k in g if k.startswith(".")))[:80])
s = " ".join(out)
bad = "set '." in s or "_core" in s or "VM object" in s or "<monty" in s
("ESC" + "APED:" + s) if bad else s
