# kind: escape
# expect: blocked
# desc: format index fields with non-integer keys into a dict of host-ish names
d = {'__builtins__': 1}
out = []
for fmt in ('{0[__builtins__]}', '{0.__class__.__dict__}', '{0.get.__self__.__class__.__base__}', '{0.items.__func__}'):
    try:
        out.append(fmt.format(d))
    except Exception:
        out.append('-')
s = '|'.join(out)
('ESC' + 'APED' + ':' + s) if 'mappingproxy' in s or "class 'object'" in s or 'method' in s else s
