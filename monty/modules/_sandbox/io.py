"""io for sandbox code, in sandbox Python: in-memory text and byte streams (see
monty/modules/io.py for how it is loaded and exported).

A stream keeps its contents as one value plus the pieces appended at its end since (many
small writes join once, when the contents are next read), and a position."""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    __module__ = 'io'


class IOBase:
    __module__ = '_io'
    __qualname__ = '_IOBase'

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file' if self._text
                             else 'I/O operation on closed file.')

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def flush(self):
        if not self._text:
            self._check_closed()

    def isatty(self):
        self._check_closed()
        return False

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def readlines(self, hint=-1):
        if hint is None:
            hint = -1
        hint = _index(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines

    # contents: self._value (str or bytes) + the pieces in self._tail appended after it

    def _joined(self):
        tail = self._tail
        if tail:
            blocks = self._blocks
            if blocks:
                blocks.append(self._empty.join(tail))
                tail = blocks
                self._blocks = []
            self._value = self._value + self._empty.join(tail)
            self._tail = []
            self._tail_len = 0
        return self._value

    def _size(self):
        return len(self._value) + self._tail_len

    def _write(self, s):
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        size = len(self._value) + self._tail_len
        if pos == size:
            tail = self._tail
            tail.append(s)
            self._tail_len += n
            if len(tail) >= 512:
                # pieces joined in blocks: each character is copied a bounded number of
                # times however many writes there are
                self._blocks.append(self._empty.join(tail))
                self._tail = [self._empty]
        else:
            value = self._joined()
            if pos > size:
                value = value + self._pad * (pos - size)
            self._value = value[:pos] + s + value[pos + n:]
        self._pos = pos + n
        return n

    def _read(self, size):
        value = self._joined()
        pos = self._pos
        end = len(value)
        if size is not None and size >= 0 and pos + size < end:
            end = pos + size
        if pos >= end:
            return self._empty
        self._pos = end
        return value[pos:end]

    def _seek(self, pos, whence):
        self._check_closed()
        pos = _index(pos)
        whence = _index(whence)
        if whence == 0:
            if pos < 0:
                if self._text:
                    raise ValueError(f'Negative seek position {pos}')
                raise ValueError(f'negative seek value {pos}')
            self._pos = pos
        elif whence == 1:
            if pos != 0 and self._text:
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if pos != 0 and self._text:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, self._size() + pos)
        else:
            if self._text:
                raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
            raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')
        return self._pos

    def tell(self):
        self._check_closed()
        return self._pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        else:
            size = _index(size)
            if size < 0:
                raise ValueError(f'Negative size value {size}' if self._text
                                 else f'negative size value {size}')
        value = self._joined()
        if size < len(value):
            self._value = value[:size]
        return size


def _index(n):
    if isinstance(n, int):
        return int(n)
    if isinstance(n, float) or not hasattr(type(n), '__index__'):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    return n.__index__()


def _size_arg(size):
    if size is None:
        return -1
    if isinstance(size, int):
        return int(size)
    raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")


class TextIOBase(IOBase):
    __module__ = '_io'
    __qualname__ = '_TextIOBase'


class BufferedIOBase(IOBase):
    __module__ = '_io'
    __qualname__ = '_BufferedIOBase'


class RawIOBase(IOBase):
    __module__ = '_io'
    __qualname__ = '_RawIOBase'


class StringIO(TextIOBase):
    __module__ = '_io'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f'illegal newline value: {newline!r}')
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._closed = False
        self._text = True
        self._empty = ''
        self._pad = '\0'
        self._newline = newline
        self._seen = set()
        self._value = ''
        self._tail = []
        self._blocks = []
        self._tail_len = 0
        self._pos = 0
        if initial_value:
            self._write(self._translate(str(initial_value)))
            self._pos = 0

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            if '\r' in s:
                rest = s
                if '\r\n' in s:
                    self._seen.add('\r\n')
                    rest = s.replace('\r\n', '')
                    s = s.replace('\r\n', '\n')
                if '\r' in rest:
                    self._seen.add('\r')
                    s = s.replace('\r', '\n')
                if '\n' in rest:
                    self._seen.add('\n')
            elif '\n' in s:
                self._seen.add('\n')
        elif nl == '\r' or nl == '\r\n':
            s = s.replace('\n', nl)
        return s

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError(f'string argument expected, got {type(s).__name__!r}')
        s = str(s)
        n = len(s)
        self._write(self._translate(s))
        return n

    def read(self, size=-1):
        self._check_closed()
        return self._read(_size_arg(size))

    def readline(self, size=-1):
        self._check_closed()
        size = _size_arg(size)
        value = self._joined()
        pos = self._pos
        if pos >= len(value):
            return ''
        nl = self._newline
        if nl == '':
            i = value.find('\n', pos)
            j = value.find('\r', pos)
            if j >= 0 and (i < 0 or j < i):
                end = j + 2 if value.startswith('\r\n', j) else j + 1
            elif i >= 0:
                end = i + 1
            else:
                end = len(value)
        else:
            sep = '\n' if nl is None else nl
            i = value.find(sep, pos)
            end = len(value) if i < 0 else i + len(sep)
        if size >= 0 and pos + size < end:
            end = pos + size
        self._pos = end
        return value[pos:end]

    def getvalue(self):
        self._check_closed()
        return self._joined()

    def seek(self, pos, whence=0):
        return self._seek(pos, whence)

    def detach(self):
        raise UnsupportedOperation('detach')

    @property
    def line_buffering(self):
        self._check_closed()
        return False

    @property
    def newlines(self):
        self._check_closed()
        if self._newline is not None or not self._seen:
            return None
        found = tuple(n for n in ('\r', '\n', '\r\n') if n in self._seen)
        return found[0] if len(found) == 1 else found

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def __getstate__(self):
        raise TypeError(f"cannot pickle 'StringIO' object")


def _bytes_like(b):
    if isinstance(b, (bytes, bytearray)):
        return bytes(b)
    raise TypeError(f"a bytes-like object is required, not '{type(b).__name__}'")


class BytesIO(BufferedIOBase):
    __module__ = '_io'

    def __init__(self, initial_bytes=b''):
        self._closed = False
        self._text = False
        self._empty = b''
        self._pad = b'\0'
        self._value = b''
        self._tail = []
        self._blocks = []
        self._tail_len = 0
        self._pos = 0
        if initial_bytes is not None:
            self._value = _bytes_like(initial_bytes)

    def write(self, b):
        self._check_closed()
        b = _bytes_like(b)
        return self._write(b)

    def read(self, size=-1):
        self._check_closed()
        return self._read(_size_arg(size))

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._check_closed()
        size = _size_arg(size)
        value = self._joined()
        pos = self._pos
        if pos >= len(value):
            return b''
        i = value.find(b'\n', pos)
        end = len(value) if i < 0 else i + 1
        if size >= 0 and pos + size < end:
            end = pos + size
        self._pos = end
        return value[pos:end]

    def getvalue(self):
        self._check_closed()
        return self._joined()

    def seek(self, pos, whence=0):
        return self._seek(pos, whence)

    def readinto(self, buffer):
        self._check_closed()
        data = self._read(len(buffer))
        buffer[:len(data)] = data
        return len(data)
