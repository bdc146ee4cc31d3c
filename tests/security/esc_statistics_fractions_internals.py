# kind: escape
# expect: blocked
# desc: statistics/fractions internals: _sum, _convert, Fraction.__new__ globals, NormalDist
import statistics, fractions
out = []
for call in (lambda: statistics._sum, lambda: statistics.mean.__globals__, lambda: fractions.Fraction.__new__.__globals__,
             lambda: fractions.math, lambda: fractions._RATIONAL_FORMAT, lambda: statistics.NormalDist.__init__.__globals__,
             lambda: fractions.Fraction(1, 2).__reduce__()):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if '__builtins__' in s or "module 'math'" in s or 'copyreg' in s else s
