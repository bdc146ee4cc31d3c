# kind: escape
# expect: blocked
# desc: host function's __globals__/__closure__/__wrapped__/__self__
attrs = []
for n in ['__globals__', '__closure__', '__wrapped__', '__self__', '__code__', '__dict__', '__module__']:
    try:
        attrs.append((n, getattr(echo, n)))
    except AttributeError:
        pass
[a for a in attrs if a[1] is not None] and ('ESC' + 'APED:' + str(attrs)) or 'clean'
