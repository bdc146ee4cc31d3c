# kind: escape
# expect: blocked
# desc: host_fail()'s exception: args, __context__, __cause__, __traceback__, __reduce__
out = []
try:
    host_fail(1)
except Exception as e:
    for call in (lambda: e.args, lambda: e.__context__, lambda: e.__cause__, lambda: e.__traceback__,
                 lambda: e.__reduce__(), lambda: e.__dict__, lambda: e.__suppress_context__,
                 lambda: e.with_traceback(None).__traceback__):
        try:
            out.append(repr(call())[:80])
        except Exception:
            pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'HostThing' in s or 'traceback object' in s or 'frame' in s else s
