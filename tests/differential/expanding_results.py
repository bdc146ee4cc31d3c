# Results bigger than their input (prechecked): ordinary results unchanged
s = 'stra\xdfe \ufb03 \u0149 \xff \u1f80' * 300
[len(s.upper()), len(s.lower()), len(s.title()), len(s.capitalize()), len(s.casefold()), len(s.swapcase()), s.upper()[:40]]
# ---
s = 'abc\u20ac\U0001f600\x00\n\'"\\' * 500
[len(repr(s)), len(ascii(s)), ascii(s)[:60], repr(s)[-30:], len(f'{s!a}'), len('%a' % s), len('%r' % s)]
# ---
s = 'h\xe9llo \u4e16\U0001f600 \udc80' * 400
[len(s.encode('utf-8', 'surrogatepass')), len(s.encode('utf-16', 'surrogatepass')), len(s.encode('utf-32', 'surrogatepass')), len(s.encode('unicode_escape')), len(s.encode('raw_unicode_escape')), len(s.encode('utf-7')), len(s.encode('ascii', 'backslashreplace')), len(s.encode('ascii', 'xmlcharrefreplace')), len(s.encode('latin-1', 'namereplace')), len(s.encode(errors='replace')), len(s.encode('utf-8', 'ignore'))]
# ---
b = bytes(range(256)) * 20
[len(b.decode('latin-1')), len(b.decode('utf-8', 'replace')), len(b.decode('utf-8', 'backslashreplace')), len(b.decode('utf-16-le')), len(b.decode('cp1252', 'ignore')), b.hex()[:20], b.hex(':')[:20], b.hex('-', 3)[-20:], len(bytearray(b).hex(' ', -2)), len(b.decode('unicode_escape', 'ignore'))]
# ---
ba = bytearray(b'x' * 2000)
ba += bytes(ba)
ba += bytearray(b'yz' * 1000)
ba *= 2
[len(ba), bytes(ba[-4:])]
# ---
x = 7 ** 5000
[len(str(x)), len(repr(x)), len(f'{x}'), len('%d' % x), len(format(x, 'd')), int(str(x)) == x, int(str(x).encode()) == x, len(f'{x:,}')]
# ---
import bisect
l = list(range(0, 20000, 2))
for v in (5, 7, -1, 30001):
    bisect.insort(l, v)
l.insert(3, 'q')
l.insert(-1, 'r')
[len(l), l[:6], l[-3:]]
# ---
try:
    ('x' * 5000).encode('no-such-codec')
except LookupError as e:
    r = str(e)
try:
    (b'x' * 5000).hex(1)
except TypeError as e:
    r2 = str(e)
try:
    (b'x' * 5000).decode('utf-8', 5)
except TypeError as e:
    r3 = str(e)
[r, r2, r3]
