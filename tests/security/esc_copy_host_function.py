# kind: escape
# expect: blocked
# desc: copy.copy/deepcopy of host functions and modules, then their internals
import copy, json
out = []
for o in (echo, json, print, len):
    for c in (copy.copy, copy.deepcopy):
        try:
            x = c(o)
            out.append(repr(getattr(x, '__globals__', getattr(x, '__self__', x)))[:80])
        except Exception:
            pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'builtins' in s or '__name__' in s or 'secrets' in s else s
