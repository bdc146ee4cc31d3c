# kind: escape
# expect: blocked
# desc: host function's __call__/__get__/__reduce_ex__ to obtain a raw callable
out = []
for call in (lambda: echo.__call__.__self__, lambda: echo.__get__(1), lambda: echo.__reduce_ex__(2),
             lambda: type(echo).__call__, lambda: echo.__class__.__dict__):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'function echo' in s or 'copyreg' in s or 'mappingproxy' in s else s
