# kind: escape
# expect: blocked
# desc: a sandbox subclass of re.Pattern: its instances' host slots written through attribute assignment
import re
out = []
class P(re.Pattern):
    pass
try:
    p = P('a')
except Exception as e:
    p = None
    out.append(type(e).__name__)
for attempt in (lambda: setattr(p, '_vm', None), lambda: object.__setattr__(p, '_rx', None)):
    try:
        attempt()
        if p is not None:
            out.append('ESC' + 'APED')
    except Exception as e:
        out.append(type(e).__name__)
out
