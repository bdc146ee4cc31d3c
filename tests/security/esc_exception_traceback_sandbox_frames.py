# kind: escape
# expect: blocked
# desc: a sandbox exception's __traceback__ / tb_frame / f_back / f_globals after a nested call
def a():
    raise ValueError('x')
def b():
    a()
out = []
try:
    b()
except ValueError as e:
    for call in (lambda: e.__traceback__, lambda: e.__traceback__.tb_frame, lambda: e.__traceback__.tb_next.tb_frame.f_globals,
                 lambda: e.__traceback__.tb_frame.f_back, lambda: e.__traceback__.tb_frame.f_builtins):
        try:
            out.append(repr(call())[:80])
        except Exception:
            pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'frame' in s or '__builtins__' in s else s
