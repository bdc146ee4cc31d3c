# kind: escape
# expect: blocked
# desc: every dunder of a host function through getattr/vars/dir
out = {}
for n in dir(echo) + ['__self__', '__module__', '__code__', '__globals__', '__wrapped__', '__func__', '__reduce__', '__call__', '__get__']:
    try:
        out[n] = repr(getattr(echo, n))[:80]
    except Exception:
        pass
try:
    out['vars'] = repr(vars(echo))
except Exception:
    pass
s = repr(out)
('ESC' + 'APED' + ':' + s) if 'code object' in s or 'module' in s and '__main__' in s or 'HostThing' in s else s
