# kind: escape
# expect: blocked
# desc: getattr with a default probes hidden attributes without raising (a sandbox function's __dict__ is its own attributes only)
names = ['__globals__', '__code__', '__builtins__', '__dict__', 'gi_frame', 'f_back']
hits = [n for n in names if getattr(len, n, None) is not None]
hits += [n for n in names if n != '__dict__' and getattr(lambda: 0, n, None) is not None]
if getattr(lambda: 0, '__dict__', None) != {}:
    hits.append('function __dict__')
'ESC' + 'APED:' + str(hits) if hits else 'none'
