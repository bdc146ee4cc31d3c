# kind: escape
# expect: blocked
# desc: gc.get_objects / get_referrers / get_referents / garbage / callbacks to find host objects
import gc
out = []
for call in (lambda: gc.get_objects(), lambda: gc.get_referrers(echo), lambda: gc.get_referents(echo),
             lambda: gc.garbage, lambda: gc.callbacks, lambda: gc.get_referrers(data)):
    try:
        r = call()
        out.append(repr(r)[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'frame' in s or 'module' in s or 'HostThing' in s or 'function' in s else s
