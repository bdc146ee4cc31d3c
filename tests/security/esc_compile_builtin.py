# kind: escape
# expect: blocked
# desc: compile() to build a code object: it runs only through exec/eval and exposes no CPython code internals
c = compile('1', 'x', 'eval')
exposed = [n for n in ('co_code', 'co_consts', 'co_names', 'co_filename', 'replace', '__reduce__')
           if hasattr(c, n)]
('ESC' + 'APED:' + str(exposed)) if exposed or 'CodeType' in repr(type(c)) else [str(c)[:14], eval(c)]
