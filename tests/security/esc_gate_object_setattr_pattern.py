# kind: escape
# expect: blocked
# desc: object.__setattr__ on a compiled pattern: drop its VM reference to turn the regex timeout off
import re
p = re.compile('(a+)+$')
out = []
for attempt in (lambda: object.__setattr__(p, '_vm', None), lambda: setattr(p, '_vm', None),
                lambda: p.__setattr__('_vm', None), lambda: object.__delattr__(p, '_vm')):
    try:
        attempt()
        out.append('ESC' + 'APED')
    except Exception as e:
        out.append(type(e).__name__)
out
