# kind: escape
# expect: blocked
# desc: memoryview casts and out-of-range slices with huge/negative indices to read past a buffer
b = bytearray(16)
try:
    m = memoryview(b)
except NameError:
    m = b
out = []
for call in (lambda: m.cast('Q'), lambda: m[10 ** 6], lambda: m[-10 ** 6:10 ** 6].tobytes(), lambda: m.obj,
             lambda: m.cast('B', (4, 4)).tolist(), lambda: m[slice(0, 10 ** 18, 10 ** 17)].tobytes(),
             lambda: m._from_flags, lambda: m.__array_interface__):
    try:
        out.append(repr(call())[:80])
    except Exception:
        pass
s = ' '.join(out)
('ESC' + 'APED' + ':' + s) if len(s) > 2000 else s
