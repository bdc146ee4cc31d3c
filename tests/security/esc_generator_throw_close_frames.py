# kind: escape
# expect: blocked
# desc: frames exposed by generators after throw/close and by gi_yieldfrom/gi_suspended
def inner():
    yield 1
def outer():
    yield from inner()
g = outer()
next(g)
out = []
for call in (lambda: g.gi_yieldfrom, lambda: g.gi_yieldfrom.gi_frame, lambda: g.gi_suspended, lambda: g.gi_code.co_consts,
             lambda: g.gi_frame.f_locals, lambda: g.throw.__self__.gi_frame):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
try:
    g.throw(ValueError)
except ValueError as e:
    try:
        out.append(repr(e.__traceback__.tb_frame))
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'frame object' in s or 'code object' in s else s
