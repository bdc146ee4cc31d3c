# kind: escape
# expect: blocked
# desc: overwrite attributes of shared modules (json.dumps, math.pi, re.compile) to reach a later run or the host
import json, math, re, collections
out = []
for mod, n in ((json, 'dumps'), (math, 'pi'), (re, 'compile'), (collections, 'OrderedDict')):
    try:
        setattr(mod, n, 'ESC' + 'APED')
        out.append(n)
    except Exception:
        pass
for name in ('JSONEncoder', 'OrderedDict', 'Pattern'):
    try:
        obj = getattr(json, name, None) or getattr(collections, name, None) or getattr(re, name)
        obj.poisoned = 1
        out.append(repr(obj))
    except Exception:
        pass
repr(out)
