# kind: escape
# expect: blocked
# desc: hasattr over dunder names of a function
h = [n for n in ['__globals__', '__code__', '__closure__', '__dict__'] if hasattr(lambda: 0, n)]
'ESC' + 'APED:' + str(h) if h else 'none'
