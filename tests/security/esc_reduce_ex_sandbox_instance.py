# kind: escape
# expect: blocked
# desc: __reduce_ex__/__reduce__/__getstate__ of sandbox instances, functions and classes
class A:
    pass
def f():
    pass
out = []
for o in (A(), f, A, type(f)):
    for n in ('__reduce_ex__', '__reduce__', '__getstate__', '__sizeof__'):
        try:
            m = getattr(o, n)
            out.append(repr(m(2) if n == '__reduce_ex__' else m())[:80])
        except Exception:
            pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'copyreg' in s or '__newobj__' in s else s
