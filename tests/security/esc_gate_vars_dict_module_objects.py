# kind: escape
# expect: blocked
# desc: vars()/__dict__ writes on module objects and exported classes
import collections, re
out = []
for target in (collections, re, collections.Counter, re.compile('a')):
    for attempt in (lambda: vars(target).__setitem__('compile', 1), lambda: target.__dict__.update(x=1)):
        try:
            attempt()
        except Exception as e:
            out.append(type(e).__name__)
ok = not hasattr(re, 'x') and re.compile != 1 and not hasattr(collections.Counter, 'x')
out if ok else 'ESC' + 'APED'
