# kind: escape
# expect: blocked
# desc: getattr with a default probes hidden attributes without raising
hits = [n for n in ['__globals__', '__code__', '__builtins__', '__dict__', 'gi_frame', 'f_back']
        if getattr(len, n, None) is not None or getattr(lambda: 0, n, None) is not None]
'ESC' + 'APED:' + str(hits) if hits else 'none'
