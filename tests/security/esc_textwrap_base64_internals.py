# kind: escape
# expect: blocked
# desc: textwrap.TextWrapper internals and base64 helper globals
import textwrap, base64
try:
    w = textwrap.TextWrapper(width=5)
except AttributeError:
    w = textwrap
out = []
for call in (lambda: w.wordsep_re, lambda: w._split.__func__.__globals__, lambda: base64.b64encode.__globals__,
             lambda: base64.binascii, lambda: base64.struct, lambda: textwrap.re, lambda: vars(w)):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or 'module' in s else s
