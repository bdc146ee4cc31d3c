# StringIO write, getvalue, tell, seek, read, readline
import io
s = io.StringIO()
n = s.write('hello\n')
s.write('wor')
s.write('ld')
r = [n, s.getvalue(), s.tell()]
s.seek(0)
r += [s.readline(), s.read(), s.read(), s.tell()]
r
# ---
# StringIO from an initial value: iteration, readlines, read(n)
import io
s = io.StringIO('a\nb\r\nc')
first = s.read(1)
[first, list(s), io.StringIO('x\ny\n').readlines(), io.StringIO('1\n2\n3\n').readlines(2)]
# ---
# StringIO newline modes
import io
[io.StringIO('a\nb\r\nc\rd', newline='').readlines(),
 io.StringIO('a\nb\r\nc\rd', newline=None).readlines(),
 io.StringIO('a\nb', newline='\r\n').getvalue(),
 io.StringIO('a\r\nb\rc', newline=None).newlines]
# ---
# StringIO overwrite in the middle, seek past the end, truncate
import io
s = io.StringIO('abcdef')
s.seek(2)
s.write('XY')
r = [s.getvalue(), s.tell()]
s.seek(8)
s.write('z')
r.append(s.getvalue())
s.truncate(3)
r += [s.getvalue(), s.tell(), s.seek(0, 2)]
r
# ---
# StringIO as a context manager, closed state
import io
with io.StringIO() as f:
    f.write('x')
    inside = f.closed
r = [inside, f.closed]
for op in (f.read, f.getvalue, f.tell):
    try:
        op()
    except ValueError as e:
        r.append(str(e))
r
# ---
# StringIO errors
import io
r = []
for make in (lambda: io.StringIO(5), lambda: io.StringIO(newline='x'), lambda: io.StringIO().write(5),
             lambda: io.StringIO().seek(-1), lambda: io.StringIO().seek(1, 1), lambda: io.StringIO().seek(0, 3),
             lambda: io.StringIO().read('x'), lambda: io.StringIO().truncate(-1)):
    try:
        make()
    except (TypeError, ValueError, OSError) as e:
        r.append((type(e).__name__, str(e)))
r
# ---
# print(..., file=StringIO) and writelines
import io
buf = io.StringIO()
print('a', 1, sep='-', file=buf)
print('b', file=buf, end='!')
buf.writelines(['x', 'y'])
buf.getvalue()
# ---
# BytesIO
import io
b = io.BytesIO(b'ab\ncd')
r = [b.readline(), b.read(), b.tell(), b.write(b'ef'), b.getvalue()]
b.seek(0)
r += [b.read(3), list(b), b.seek(8), b.write(bytearray(b'!')), b.getvalue()]
for make in (lambda: b.write('s'), lambda: io.BytesIO('s'), lambda: b.seek(-1)):
    try:
        make()
    except (TypeError, ValueError) as e:
        r.append(str(e))
r
# ---
# isinstance against the io base classes, type names
import io
s, b = io.StringIO(), io.BytesIO()
[isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), isinstance(b, io.BufferedIOBase),
 isinstance(b, io.TextIOBase), type(s).__name__, type(b).__name__, s.readable(), s.seekable(),
 issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError)]
# ---
# many small writes
import io
s = io.StringIO()
for i in range(2000):
    s.write(str(i % 10))
v = s.getvalue()
[len(v), v[:12], v[-3:], s.tell()]
