"""traceback for sandbox code, in sandbox Python (see monty/modules/traceback.py).

A sandbox exception carries the sandbox frames it unwound through (function name and line);
these are rendered the way CPython renders the frames of code run by exec() from a string:
`File "<string>", line N, in name`, without source lines. Exceptions are sandbox values, so
their `__traceback__` is None: the frames are read from the exception itself."""

import sys

_FILE = '<string>'


class FrameSummary:
    __module__ = 'traceback'

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = None

    @property
    def line(self):
        return self._line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return f'<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>'


class StackSummary(list):
    __module__ = 'traceback'

    def format(self):
        return [f'  File "{f.filename}", line {f.lineno}, in {f.name}\n' for f in self]


def _frames(exc, limit=None):
    frames = StackSummary(FrameSummary(_FILE, line, name) for name, line in _b_tb_frames(exc))
    if limit is not None:
        if limit >= 0:
            del frames[limit:]
        else:
            del frames[:len(frames) + limit]
    return frames


def _some_str(value):
    try:
        return str(value)
    except Exception:
        return '<exception str() failed>'


def _only(exc):
    stype = _b_tb_type_name(exc)
    if exc is None:
        return [f'{stype}: None\n']
    text = _some_str(exc)
    lines = [f'{stype}: {text}\n' if text else f'{stype}\n']
    notes = getattr(exc, '__notes__', None)
    if notes is not None:
        if isinstance(notes, (list, tuple)):
            for note in notes:
                lines.append(f'{_some_str(note)}\n')
        else:
            lines.append(f'{_some_str(notes)}\n')
    return lines


_CAUSE = '\nThe above exception was the direct cause of the following exception:\n\n'
_CONTEXT = '\nDuring handling of the above exception, another exception occurred:\n\n'


def _format(exc, limit, chain, seen):
    out = []
    if exc is None:
        return ['NoneType: None\n']
    seen.append(exc)
    if chain:
        cause = exc.__cause__
        context = exc.__context__
        if cause is not None and not any(cause is s for s in seen):
            out += _format(cause, limit, chain, seen)
            out.append(_CAUSE)
        elif (context is not None and not exc.__suppress_context__
              and not any(context is s for s in seen)):
            out += _format(context, limit, chain, seen)
            out.append(_CONTEXT)
    frames = _frames(exc, limit)
    if frames:
        out.append('Traceback (most recent call last):\n')
        out += frames.format()
    out += _only(exc)
    return out


_sentinel = '<traceback: no value given>'


def _is_sentinel(x):
    return type(x) is str and x == _sentinel


def _exc_value(exc, value, tb):
    if _is_sentinel(value) and _is_sentinel(tb):
        return exc
    if not _is_sentinel(value) and value is not None:
        return value
    if isinstance(exc, BaseException) and _is_sentinel(value):
        return exc
    return None


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value = _exc_value(exc, value, tb)
    if value is not None and not isinstance(value, BaseException):
        raise TypeError(f"'{type(value).__name__}' object has no attribute '__traceback__'")
    return _format(value, limit, chain, [])


def format_exception_only(exc, /, value=_sentinel):
    value = _exc_value(exc, value, None)
    if value is None:
        if isinstance(exc, type):
            return [f'{exc.__name__}\n']
        return ['NoneType: None\n']
    return _only(value)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(_b_handled(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_b_handled(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    raise ValueError('no last exception')


def format_tb(tb, limit=None):
    if tb is None:
        return []
    raise TypeError('tracebacks are not values in the sandbox: use format_exception(exc)')


def extract_tb(tb, limit=None):
    return StackSummary(format_tb(tb, limit))


def print_tb(tb, limit=None, file=None):
    for line in format_tb(tb, limit):
        print(line, file=file or sys.stderr, end='')


class TracebackException:
    __module__ = 'traceback'

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        self.exc_type = exc_type
        self._exc = exc_value
        self._limit = limit
        self.stack = _frames(exc_value, limit) if exc_value is not None else StackSummary()
        self._notes = getattr(exc_value, '__notes__', None)
        self._str = _some_str(exc_value)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, None, *args, **kwargs)

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.format() == other.format()
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        yield from _only(self._exc)

    def format(self, *, chain=True):
        yield from _format(self._exc, self._limit, chain, [])

    def print(self, *, file=None, chain=True):
        for line in self.format(chain=chain):
            print(line, file=file or sys.stderr, end='')
