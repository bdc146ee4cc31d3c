"""os, os.path and open() for sandbox code, in sandbox Python, over the host primitives of
monty/mounts.py (see monty/modules/os.py for how it is loaded).

Paths are virtual: only the Sandbox's mounts exist. A file object is a sandbox object holding
its virtual path, mode and position; every read and write goes through a primitive that finds
the file again and checks it, so an open file dumps and loads with a paused program."""

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

from io import UnsupportedOperation as _UnsupportedOperation, IOBase as _IOBase, \
    TextIOBase as _TextIOBase, BufferedIOBase as _BufferedIOBase

environ = _b_fs_environ()
_cwd = _b_fs_cwd()


def getenv(key, default=None):
    if not isinstance(key, str):
        raise TypeError(f'str expected, not {type(key).__name__}')
    return environ.get(key, default)


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    fs = getattr(type(path), '__fspath__', None)
    if fs is None:
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(path).__name__)
    value = fs(path)
    if isinstance(value, (str, bytes)):
        return value
    raise TypeError(f'expected {type(path).__name__}.__fspath__() to return str or bytes, '
                    f'not {type(value).__name__}')


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def _text(path, what='path'):
    """(absolute virtual path as str, whether the caller gave bytes)."""
    if isinstance(path, int) and not isinstance(path, bool):
        raise OSError(9, 'Bad file descriptor')
    if not isinstance(path, (str, bytes)):
        fs = getattr(type(path), '__fspath__', None)
        if fs is None:
            raise TypeError(f'{what} should be string, bytes or os.PathLike, not '
                            f'{type(path).__name__}')
        path = fspath(path)
    was_bytes = isinstance(path, bytes)
    if was_bytes:
        path = bytes(path).decode('utf-8', 'surrogateescape')
    else:
        path = str.__str__(path)
    if '\0' in path:
        raise ValueError('embedded null byte')
    if not path.startswith('/'):
        path = (_cwd.rstrip('/') + '/' + path) if path else path
    return path, was_bytes


def _shown(path):
    """The path as the caller gave it, for error messages."""
    path = fspath(path)
    return path


def _call(fn, path, *args):
    p, _ = _text(path)
    if not p:
        raise FileNotFoundError(2, 'No such file or directory', _shown(path))
    try:
        return fn(p, *args)
    except OSError as e:
        raise type(e)(e.errno, e.strerror, _shown(path)) from None


def getcwd():
    return _cwd


def getcwdb():
    return _cwd.encode('utf-8', 'surrogateescape')


def chdir(path):
    global _cwd
    kind = _call(_b_fs_stat, path)[0]
    if kind != 'd':
        raise NotADirectoryError(20, 'Not a directory', _shown(path))
    _cwd = _normpath(_text(path)[0])


def listdir(path=None):
    if path is None:
        path = _cwd
    names = [n for n, k in _call(_b_fs_listdir, path)]
    if isinstance(fspath(path), bytes):
        return [n.encode('utf-8', 'surrogateescape') for n in names]
    return names


class stat_result:
    __module__ = 'os'

    def __init__(self, mode, size, mtime):
        self.st_mode = mode
        self.st_size = size
        self.st_mtime = mtime
        self.st_atime = mtime
        self.st_ctime = mtime
        self.st_ino = 0
        self.st_dev = 0
        self.st_nlink = 1
        self.st_uid = 0
        self.st_gid = 0

    def _fields(self):
        return (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
                self.st_size, int(self.st_atime), int(self.st_mtime), int(self.st_ctime))

    def __getitem__(self, i):
        return self._fields()[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._fields())

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._fields() == other._fields()
        return NotImplemented

    def __hash__(self):
        return hash(self._fields())

    def __repr__(self):
        return (f'os.stat_result(st_mode={self.st_mode}, st_ino=0, st_dev=0, st_nlink=1, '
                f'st_uid=0, st_gid=0, st_size={self.st_size}, st_atime={int(self.st_atime)}, '
                f'st_mtime={int(self.st_mtime)}, st_ctime={int(self.st_ctime)})')


def stat(path, *, dir_fd=None, follow_symlinks=True):
    kind, size, mtime, mode = _call(_b_fs_stat, path)
    return stat_result(mode, size, mtime)


def lstat(path, *, dir_fd=None):
    return stat(path)


class DirEntry:
    __module__ = 'posix'

    def __init__(self, name, path, kind):
        self.name = name
        self.path = path
        self._kind = kind

    def is_dir(self, *, follow_symlinks=True):
        return self._kind == 'd'

    def is_file(self, *, follow_symlinks=True):
        return self._kind == 'f'

    def is_symlink(self):
        return False

    def stat(self, *, follow_symlinks=True):
        return stat(self.path)

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'


class _ScandirIterator:
    __module__ = 'posix'
    __qualname__ = 'ScandirIterator'

    def __init__(self, entries):
        self._entries = entries
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._i >= len(self._entries):
            raise StopIteration
        self._i += 1
        return self._entries[self._i - 1]

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self._i = len(self._entries)

    def close(self):
        self._i = len(self._entries)


def scandir(path=None):
    given = '.' if path is None else path
    if path is None:
        path = _cwd
    items = _call(_b_fs_listdir, path)
    base = fspath(given)
    was_bytes = isinstance(base, bytes)
    if was_bytes:
        base = base.decode('utf-8', 'surrogateescape')
    out = []
    for n, k in items:
        if k == 'l':
            try:
                k = _b_fs_stat(_text(_join(_text(path)[0], n))[0])[0]
            except OSError:
                k = 'o'
        p = _join(base, n)
        if was_bytes:
            out.append(DirEntry(n.encode('utf-8', 'surrogateescape'),
                                p.encode('utf-8', 'surrogateescape'), k))
        else:
            out.append(DirEntry(n, p, k))
    return _ScandirIterator(out)


def mkdir(path, mode=0o777, *, dir_fd=None):
    _call(_b_fs_mkdir, path)


def makedirs(name, mode=0o777, exist_ok=False):
    p = _normpath(_text(name)[0])
    parts = [x for x in p.split('/') if x]
    cur = ''
    for i, part in enumerate(parts):
        cur = cur + '/' + part
        last = i == len(parts) - 1
        try:
            kind = _b_fs_stat(cur)[0]
        except FileNotFoundError:
            kind = None
        except OSError as e:
            raise type(e)(e.errno, e.strerror, _shown(name) if last else cur) from None
        if kind is None:
            try:
                _b_fs_mkdir(cur)
            except OSError as e:
                raise type(e)(e.errno, e.strerror, _shown(name) if last else cur) from None
        elif last:
            if not exist_ok or kind != 'd':
                raise FileExistsError(17, 'File exists', _shown(name))
        elif kind != 'd':
            raise FileExistsError(17, 'File exists', cur)


def remove(path, *, dir_fd=None):
    _call(_b_fs_remove, path, False)


unlink = remove


def rmdir(path, *, dir_fd=None):
    _call(_b_fs_remove, path, True)


def removedirs(name):
    rmdir(name)


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    s, _ = _text(src)
    d, _ = _text(dst)
    try:
        _b_fs_rename(s, d)
    except OSError as e:
        raise type(e)(e.errno, e.strerror, _shown(src), None, _shown(dst)) from None


replace = rename


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    stack = [top]
    while stack:
        d = stack.pop()
        if isinstance(d, tuple):
            yield d
            continue
        try:
            entries = list(scandir(d))
        except OSError as e:
            if onerror is not None:
                onerror(e)
            continue
        dirs = [e.name for e in entries if e.is_dir()]
        files = [e.name for e in entries if not e.is_dir()]
        if topdown:
            yield d, dirs, files
            for n in reversed(dirs):
                stack.append(_join(d, n))
        else:
            stack.append((d, dirs, files))
            for n in reversed(dirs):
                stack.append(_join(d, n))


# ------------------------------------------------------------------ os.path

def _join(a, *p):
    sep = '/' if isinstance(a, str) else b'/'
    path = a
    for b in p:
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path = path + b
        else:
            path = path + sep + b
    return path


def _check_join(a, p):
    a = fspath(a)
    ps = [fspath(x) for x in p]
    kinds = {type(x) is bytes or isinstance(x, bytes) for x in [a] + ps}
    if len(kinds) > 1:
        raise TypeError("Can't mix strings and bytes in path components")
    return a, ps


def path_join(a, *p):
    a, ps = _check_join(a, p)
    return _join(a, *ps)


def path_split(p):
    p = fspath(p)
    sep = '/' if isinstance(p, str) else b'/'
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def path_basename(p):
    p = fspath(p)
    sep = '/' if isinstance(p, str) else b'/'
    return p[p.rfind(sep) + 1:]


def path_dirname(p):
    return path_split(p)[0]


def path_splitext(p):
    p = fspath(p)
    if isinstance(p, str):
        sep, dot = '/', '.'
    else:
        sep, dot = b'/', b'.'
    sep_i = p.rfind(sep)
    dot_i = p.rfind(dot)
    if dot_i > sep_i:
        i = sep_i + 1
        while i < dot_i:
            if p[i:i + 1] != dot:
                return p[:dot_i], p[dot_i:]
            i += 1
    return p, p[:0]


def path_isabs(s):
    s = fspath(s)
    return s.startswith('/' if isinstance(s, str) else b'/')


def _normpath(path):
    if isinstance(path, bytes):
        return _normpath(path.decode('utf-8', 'surrogateescape')).encode(
            'utf-8', 'surrogateescape')
    if path == '':
        return '.'
    initial = 1 if path.startswith('/') else 0
    if initial and path.startswith('//') and not path.startswith('///'):
        initial = 2
    out = []
    for comp in path.split('/'):
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial and not out) or (out and out[-1] == '..'):
            out.append(comp)
        elif out:
            out.pop()
    path = '/'.join(out)
    if initial:
        path = '/' * initial + path
    return path or '.'


def path_normpath(path):
    return _normpath(fspath(path))


def path_abspath(path):
    path = fspath(path)
    if isinstance(path, bytes):
        if not path.startswith(b'/'):
            path = _join(getcwdb(), path)
    elif not path.startswith('/'):
        path = _join(_cwd, path)
    return _normpath(path)


def path_realpath(path, *, strict=False):
    return path_abspath(path)


def path_relpath(path, start=None):
    path = fspath(path)
    if not path:
        raise ValueError('no path specified')
    if start is None:
        start = '.' if isinstance(path, str) else b'.'
    start = fspath(start)
    a = [x for x in path_abspath(start).split('/' if isinstance(path, str) else b'/') if x]
    b = [x for x in path_abspath(path).split('/' if isinstance(path, str) else b'/') if x]
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    pardir = '..' if isinstance(path, str) else b'..'
    rel = [pardir] * (len(a) - i) + b[i:]
    if not rel:
        return '.' if isinstance(path, str) else b'.'
    return _join(*rel)


def path_commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def path_commonpath(paths):
    paths = [fspath(p) for p in paths]
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    absolute = {p.startswith('/') for p in paths}
    if len(absolute) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split = [[c for c in p.split('/') if c and c != '.'] for p in paths]
    s1 = min(split)
    s2 = max(split)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = '/' if paths[0].startswith('/') else ''
    return prefix + '/'.join(common)


def path_normcase(s):
    return fspath(s)


def path_expanduser(path):
    return fspath(path)


def path_expandvars(path):
    return fspath(path)


def _kind(path):
    try:
        p, _ = _text(path)
        if not p:
            return None
        return _b_fs_stat(p)
    except (OSError, ValueError):
        return None


def path_exists(path):
    return _kind(path) is not None


def path_lexists(path):
    return _kind(path) is not None


def path_isfile(path):
    k = _kind(path)
    return k is not None and k[0] == 'f'


def path_isdir(s):
    k = _kind(s)
    return k is not None and k[0] == 'd'


def path_islink(path):
    return False


def path_ismount(path):
    return False


def path_getsize(filename):
    return _call(_b_fs_stat, filename)[1]


def path_getmtime(filename):
    return _call(_b_fs_stat, filename)[2]


path_getatime = path_getmtime
path_getctime = path_getmtime


def path_samefile(f1, f2):
    return path_abspath(f1) == path_abspath(f2)


# ------------------------------------------------------------------ open()

_CHUNK = 65536


class _FileBase(_IOBase):
    __module__ = '_io'

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    def _check_readable(self):
        self._check_closed()
        if not self._readable:
            raise _UnsupportedOperation('not readable')

    def _check_writable(self):
        self._check_closed()
        if not self._writable:
            raise _UnsupportedOperation('not writable')

    @property
    def name(self):
        return self._name

    @property
    def mode(self):
        return self._mode

    def flush(self):
        self._check_closed()

    def readable(self):
        self._check_closed()
        return self._readable

    def writable(self):
        self._check_closed()
        return self._writable

    def _read(self, pos, n):
        try:
            return _b_fs_read(self._path, pos, n)
        except OSError as e:
            raise type(e)(e.errno, e.strerror, self._name) from None

    def _read_text(self, pos, n):
        try:
            return _b_fs_read_text(self._path, pos, n, self._encoding, self._errors)
        except OSError as e:
            raise type(e)(e.errno, e.strerror, self._name) from None

    def _size(self):
        try:
            return _b_fs_stat(self._path)[1]
        except OSError as e:
            raise type(e)(e.errno, e.strerror, self._name) from None

    def _pwrite(self, data):
        try:
            end = _b_fs_write(self._path, self._pos, data, self._append)
        except OSError as e:
            raise type(e)(e.errno, e.strerror, self._name) from None
        self._pos = end

    def truncate(self, size=None):
        self._check_writable()
        self._drop_buffer()
        if size is None:
            size = self._pos
        if size < 0:
            raise OSError(22, 'Invalid argument')
        try:
            _b_fs_truncate(self._path, size)
        except OSError as e:
            raise type(e)(e.errno, e.strerror, self._name) from None
        return size


class BufferedReader(_FileBase, _BufferedIOBase):
    """A binary file of a mount (BufferedReader, BufferedWriter or BufferedRandom by mode)."""
    __module__ = '_io'

    def __repr__(self):
        return f'<_io.{type(self).__name__} name={self._name!r}>'

    def _check_readable(self):      # (a binary file names the refused operation, as CPython's)
        self._check_closed()
        if not self._readable:
            raise _UnsupportedOperation('read')

    def _check_writable(self):
        self._check_closed()
        if not self._writable:
            raise _UnsupportedOperation('write')

    def _drop_buffer(self):
        self._rb = b''

    def read(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        off = self._pos - self._rb_start
        if self._rb and 0 <= off and size >= 0 and off + size <= len(self._rb):
            data = self._rb[off:off + size]
        else:
            data = self._read(self._pos, size)
        self._pos += len(data)
        return data

    def read1(self, size=-1):
        return self.read(size)

    def readall(self):
        return self.read()

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        parts = []
        got = 0
        while size < 0 or got < size:
            off = self._pos - self._rb_start
            if not self._rb or off < 0 or off >= len(self._rb):
                self._rb = self._read(self._pos, _CHUNK)
                self._rb_start = self._pos
                off = 0
                if not self._rb:
                    break
            rb = self._rb
            end = len(rb) if size < 0 else min(len(rb), off + size - got)
            i = rb.find(b'\n', off, end)
            if i >= 0:
                end = i + 1
            parts.append(rb[off:end])
            got += end - off
            self._pos += end - off
            if i >= 0:
                break
        if len(parts) == 1:
            return parts[0]
        return b''.join(parts)

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def peek(self, size=0):
        self._check_readable()
        return self._read(self._pos, max(size, _CHUNK))

    def write(self, b):
        self._check_writable()
        if isinstance(b, str):
            raise TypeError(f"a bytes-like object is required, not 'str'")
        data = bytes(b)
        self._rb = b''
        self._pwrite(data)
        return len(data)

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, offset, whence=0):
        self._check_closed()
        if not isinstance(offset, int):
            raise TypeError(f"'{type(offset).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            pos = offset
        elif whence == 1:
            pos = self._pos + offset
        elif whence == 2:
            pos = self._size() + offset
        else:
            raise ValueError(f'whence value {whence} unsupported')
        if pos < 0:                 # (lseek's EINVAL, as CPython's binary files raise it)
            raise OSError(22, 'Invalid argument')
        self._pos = pos
        return pos


class BufferedWriter(BufferedReader):
    __module__ = '_io'


class BufferedRandom(BufferedReader):
    __module__ = '_io'


class TextIOWrapper(_FileBase, _TextIOBase):
    """A text file of a mount: bytes decoded as they are read, one chunk at a time."""
    __module__ = '_io'

    def __repr__(self):
        return (f'<_io.TextIOWrapper name={self._name!r} mode={self._mode!r} '
                f'encoding={self._encoding!r}>')

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def newlines(self):
        return None

    @property
    def buffer(self):
        raise _UnsupportedOperation('buffer')

    def _drop_buffer(self):
        if self._bi < len(self._buf):
            self._pos = self.tell()
        self._buf = ''
        self._bi = 0
        self._buf_start = self._pos

    def _consumed_bytes(self):
        # the bytes of the text consumed from the buffer (the buffer is decoded text without
        # newline translation, so the consumed part re-encodes to what was read)
        if not self._bi:
            return 0
        return len(self._buf[:self._bi].encode(
            self._encoding, self._errors if self._errors != 'strict' else 'surrogateescape'))

    def _fill(self, nbytes=_CHUNK):
        """Append the next `nbytes` bytes' text to the buffer; False at the end of the file."""
        if self._eof:
            return False
        if self._bi:
            self._buf_start += self._consumed_bytes()
            self._buf = self._buf[self._bi:]
            self._bi = 0
        if not self._buf:
            self._buf_start = self._pos
        text, used, end = self._read_text(self._pos, nbytes)
        self._pos += used
        self._buf += text
        self._cr = '\r' in self._buf
        if end:
            self._eof = True
        return bool(text) or not end

    def _take(self, n):
        bi = self._bi
        out = self._buf[bi:bi + n]
        self._bi = bi + len(out)
        if self._bi >= len(self._buf):
            self._buf = ''
            self._bi = 0
            self._buf_start = self._pos
        return out

    def _translate(self, s):
        # (only text from a buffer that held a '\r' can need it)
        if self._newline is None and self._cr and '\r' in s:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        return s

    def read(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        if size < 0:
            self._eof = False
            text, used, end = self._read_text(self._pos, -1)
            out = self._take(len(self._buf) - self._bi) + text
            self._pos += used
            self._buf_start = self._pos
            self._eof = True
            self._cr = True
            return self._translate(out)
        while True:
            avail = len(self._buf) - self._bi
            if self._newline is None:
                if avail > size and not (self._buf[self._bi + size - 1:self._bi + size] == '\r'):
                    break
            elif avail >= size:
                break
            if not self._fill(max(_CHUNK, size - avail + 1)):
                break
        if self._newline is None:
            # `size` characters after translation: each '\r\n' before the cut is one
            out = []
            got = 0
            i = self._bi
            buf = self._buf
            while got < size and i < len(buf):
                j = buf.find('\r', i, i + size - got)
                if j < 0:
                    take = min(size - got, len(buf) - i)
                    out.append(buf[i:i + take])
                    got += take
                    i += take
                    break
                out.append(buf[i:j])
                got += j - i
                out.append('\n')
                got += 1
                i = j + 2 if buf[j + 1:j + 2] == '\n' else j + 1
            self._take(i - self._bi)
            return ''.join(out)
        return self._take(size)

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        parts = []
        got = 0
        universal = self._newline is None or self._newline == ''
        while True:
            buf = self._buf
            bi = self._bi
            i = -1
            if universal:
                n = buf.find('\n', bi)
                r = buf.find('\r', bi, n if n >= 0 else len(buf)) if self._cr else -1
                if r >= 0:
                    if r + 1 < len(buf) or self._eof:
                        i = r + 2 if buf[r + 1:r + 2] == '\n' else r + 1
                elif n >= 0:
                    i = n + 1
            else:
                i = buf.find(self._newline, bi)
                if i >= 0:
                    i += len(self._newline)
            left = size - got
            if i >= 0 and (size < 0 or i - bi <= left):
                parts.append(self._take(i - bi))
                break
            if 0 <= left <= len(buf) - bi:
                parts.append(self._take(left))
                break
            # no line end in the buffer: take it all (but a last character that may begin a
            # two-character line end) and read on
            keep = 0
            if not self._eof and buf and (buf[-1] == '\r' or (
                    not universal and len(self._newline) > 1 and buf[-1] == self._newline[0])):
                keep = 1
            n = len(buf) - bi - keep
            if n > 0:
                parts.append(self._take(n))
                got += n
            if not self._fill():
                parts.append(self._take(len(self._buf) - self._bi))
                break
        line = parts[0] if len(parts) == 1 else ''.join(parts)
        if self._newline is None and '\r' in line:
            return line.replace('\r\n', '\n').replace('\r', '\n')
        return line

    def write(self, s):
        self._check_writable()
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        self._drop_buffer()
        self._eof = False
        text = s
        if self._newline not in (None, '', '\n'):
            text = text.replace('\n', self._newline)
        self._pwrite(text.encode(self._encoding, self._errors))
        return len(s)

    def tell(self):
        self._check_closed()
        if self._buf:
            return self._buf_start + self._consumed_bytes()
        return self._pos

    def seek(self, cookie, whence=0):
        self._check_closed()
        if not isinstance(cookie, int):
            raise TypeError(f"'{type(cookie).__name__}' object cannot be interpreted as an integer")
        if whence == 1:
            if cookie != 0:
                raise _UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == 2:
            if cookie != 0:
                raise _UnsupportedOperation("can't do nonzero end-relative seeks")
            pos = self._size()
        elif whence == 0:
            if cookie < 0:
                raise ValueError(f'negative seek position {cookie}')
            pos = cookie
        else:
            raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')
        self._buf = ''
        self._bi = 0
        self._eof = False
        self._pos = pos
        self._buf_start = pos
        return pos


def open_(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
          opener=None):
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not "
                        f"{'None' if mode is None else type(mode).__name__}")
    if isinstance(file, int) and not isinstance(file, bool):
        raise OSError(9, 'Bad file descriptor')
    if not isinstance(file, (str, bytes)) and getattr(type(file), '__fspath__', None) is None:
        raise TypeError(f'expected str, bytes or os.PathLike object, not {type(file).__name__}')
    if opener is not None:
        raise ValueError('opener is not supported in the sandbox')
    modes = set(mode)
    if modes - set('axrwb+t') or len(mode) > len(modes):
        raise ValueError(f'invalid mode: {mode!r}')
    creating = 'x' in modes
    reading = 'r' in modes
    writing = 'w' in modes
    appending = 'a' in modes
    updating = '+' in modes
    text = 't' in modes
    binary = 'b' in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError('must have exactly one of create/read/write/append mode')
    if not (creating or reading or writing or appending):
        raise ValueError('Must have exactly one of create/read/write/append mode and at most '
                         'one plus')
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline is not None and newline not in ('', '\n', '\r', '\r\n'):
        if not isinstance(newline, str):
            raise TypeError(f"open() argument 'newline' must be str or None, not "
                            f"{type(newline).__name__}")
        raise ValueError(f'illegal newline value: {newline}')
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"open() argument 'encoding' must be str or None, not "
                        f"{type(encoding).__name__}")
    if errors is not None and not isinstance(errors, str):
        raise TypeError(f"open() argument 'errors' must be str or None, not "
                        f"{type(errors).__name__}")
    shown = fspath(file)
    path, _ = _text(file)
    if not path:
        raise FileNotFoundError(2, 'No such file or directory', shown)
    path = _normpath(path)
    raw = 'x' if creating else 'w' if writing else 'a' if appending else 'r'
    try:
        size = _b_fs_open(path, raw + ('+' if updating else ''))
    except OSError as e:
        raise type(e)(e.errno, e.strerror, shown) from None
    if binary:
        cls = BufferedRandom if updating else BufferedReader if reading else BufferedWriter
        f = cls()
        f._mode = ('rb+' if updating else 'rb') if reading else (
            raw + 'b' + ('+' if updating else ''))
    else:
        f = TextIOWrapper()
        f._mode = mode
        f._encoding = 'UTF-8' if encoding is None else encoding
        if encoding is not None:
            ''.encode(encoding)
        f._errors = 'strict' if errors is None else errors
        f._newline = newline
        f._buf = ''
        f._cr = False
        f._eof = False
    f._name = shown
    f._path = path
    f._closed = False
    f._readable = reading or updating
    f._writable = not reading or updating
    f._append = appending
    f._pos = size if appending else 0
    f._buf_start = f._pos
    f._rb = b''
    f._rb_start = 0
    f._bi = 0
    return f


# ------------------------------------------------------------------ pathlib's I/O

def p_read_bytes(path):
    with open_(path, 'rb') as f:
        return f.read()


def p_read_text(path, encoding=None, errors=None, newline=None):
    with open_(path, 'r', encoding=encoding, errors=errors, newline=newline) as f:
        return f.read()


def p_write_bytes(path, data):
    view = bytes(data)
    with open_(path, 'wb') as f:
        return f.write(view)


def p_write_text(path, data, encoding=None, errors=None, newline=None):
    if not isinstance(data, str):
        raise TypeError('data must be str, not %s' % type(data).__name__)
    with open_(path, 'w', encoding=encoding, errors=errors, newline=newline) as f:
        return f.write(data)


def p_mkdir(path, mode=0o777, parents=False, exist_ok=False):
    if parents:
        try:
            mkdir(path)
        except FileNotFoundError:
            parent = path_dirname(_normpath(_text(path)[0]))
            p_mkdir(parent, parents=True, exist_ok=True)
            mkdir(path)
        except OSError:
            if not exist_ok or not path_isdir(path):
                raise
        return
    try:
        mkdir(path)
    except OSError:
        if not exist_ok or not path_isdir(path):
            raise


def p_touch(path, exist_ok=True):
    if not exist_ok and path_exists(path):
        raise FileExistsError(17, 'File exists', path)
    open_(path, 'a').close()


def p_unlink(path, missing_ok=False):
    try:
        remove(path)
    except FileNotFoundError:
        if not missing_ok:
            raise


def p_iterdir(path):
    return listdir(path)


def p_glob(path, pattern, recursive):
    """Paths (str, relative to `path`) matching `pattern` ('**' for any depth)."""
    parts = [x for x in pattern.split('/') if x and x != '.']
    if not parts:
        raise ValueError(f"Unacceptable pattern: {pattern!r}")
    results = []
    _glob(path, '', parts, results)
    return results


def _match(name, pat):
    import fnmatch as _fnmatch
    return _fnmatch.fnmatchcase(name, pat)


def _glob(base, rel, parts, out):
    if not parts:
        out.append(rel)
        return
    pat = parts[0]
    here = _join(base, rel) if rel else base
    if pat == '**':
        _glob(base, rel, parts[1:], out) if len(parts) > 1 else out.append(rel) if rel else None
        try:
            entries = _b_fs_listdir(_text(here)[0])
        except OSError:
            return
        for n, k in entries:
            if k == 'd' and not n.startswith('.'):
                _glob(base, _join(rel, n) if rel else n, parts, out)
        return
    if not any(c in pat for c in '*?['):
        child = _join(rel, pat) if rel else pat
        if len(parts) == 1:
            if path_exists(_join(base, child)):
                out.append(child)
        elif path_isdir(_join(base, child)):
            _glob(base, child, parts[1:], out)
        return
    try:
        entries = _b_fs_listdir(_text(here)[0])
    except OSError:
        return
    for n, k in entries:
        if n.startswith('.') and not pat.startswith('.'):
            continue
        if _match(n, pat):
            child = _join(rel, n) if rel else n
            if len(parts) == 1:
                out.append(child)
            elif k == 'd':
                _glob(base, child, parts[1:], out)


def p_stat(path):
    return stat(path)
