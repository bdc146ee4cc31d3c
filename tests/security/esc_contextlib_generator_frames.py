# kind: escape
# expect: blocked
# desc: contextlib.contextmanager/ExitStack internals: gen, gi_frame, _exit_callbacks, func globals
import contextlib
out = []
@contextlib.contextmanager
def cm():
    yield 1
c = cm()
st = contextlib.ExitStack()
st.callback(print, 'x')
for call in (lambda: c.gen.gi_frame, lambda: c.func.__globals__, lambda: st._exit_callbacks,
             lambda: cm.__wrapped__.__globals__, lambda: type(c).__enter__.__globals__,
             lambda: contextlib.suppress.__init__.__globals__):
    try:
        out.append(repr(call())[:100])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if 'frame' in s or '__builtins__' in s or 'sys' in s else s
