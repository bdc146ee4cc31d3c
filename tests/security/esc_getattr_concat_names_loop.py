# kind: escape
# expect: blocked
# desc: getattr with names built by concatenation, slicing, reversal and bytes decoding, then the except-and-retry route
def f():
    pass
names = ['__' + 'glob' + 'als__', '__slabolg__'[::-1], b'__globals__'.decode(), '_' * 2 + 'globals' + '_' * 2,
         str(bytearray(b'__code__'), 'ascii'), '%sbuiltins%s' % ('__', '__')]
out = []
for n in names:
    for obj in (f, len, print, echo):
        try:
            out.append(repr(getattr(obj, n))[:60])
        except Exception:
            continue
('ESC' + 'APED' + ':' + repr(out)) if out else 'clean'
