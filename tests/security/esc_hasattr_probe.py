# kind: escape
# expect: blocked
# desc: hasattr over dunder names of a function (its __dict__ holds only what sandbox code set, as in CPython)
f = lambda: 0
h = [n for n in ['__globals__', '__code__', '__closure__'] if hasattr(f, n)]
f.mark = 1
if type(f.__dict__) is not dict or f.__dict__ != {'mark': 1}:
    h.append('__dict__')
'ESC' + 'APED:' + str(h) if h else 'none'
