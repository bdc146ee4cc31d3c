"""What `Sandbox.execute` hands back (`Outcome`, `Opaque`), and where printed text goes (the
per-run output limit, stdout and stderr kept apart)."""

import sys as _sys


class Opaque:
    """A result that is not plain data: its type name and its repr, built inside the run that
    produced it (under that run's limits). The sandbox object itself never leaves the sandbox."""

    __slots__ = ("type_name", "repr")

    def __init__(self, type_name, repr):
        self.type_name = type_name
        self.repr = repr

    def __repr__(self):
        return f"Opaque(type_name={self.type_name!r}, repr={self.repr!r})"

    def __eq__(self, other):
        if type(other) is not Opaque:
            return NotImplemented
        return self.type_name == other.type_name and self.repr == other.repr

    def __hash__(self):
        return hash((Opaque, self.type_name, self.repr))


class Outcome:
    """What one `Sandbox.execute` did: the value, the printed text of each stream, the error."""

    __slots__ = ("value", "stdout", "stderr", "error")

    def __init__(self, value=None, stdout="", stderr="", error=None):
        self.value = value
        self.stdout = stdout
        self.stderr = stderr
        self.error = error

    @property
    def ok(self):
        """Whether the code ran to its end (`error` is None)."""
        return self.error is None

    def __repr__(self):
        return (f"Outcome(value={self.value!r}, stdout={self.stdout!r}, stderr={self.stderr!r}, "
                f"error={self.error!r})")


def cut_marker(limit):
    return f"\n[output cut: more than max_output={limit} bytes printed]\n"


def _utf8_len(text):
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def _utf8_prefix(text, nbytes):
    """The longest prefix of `text` that is at most `nbytes` bytes of UTF-8."""
    if text.isascii():
        return text[:nbytes]
    return text.encode("utf-8", "surrogatepass")[:nbytes].decode("utf-8", "ignore")


class Output:
    """The sandbox's print callback: counts the bytes a run prints against `max_output` (past
    it, a marker, then nothing more; the run goes on), then hands the text to the host's
    callback (None: the host's sys.stdout / sys.stderr), or to the buffers of an execute()."""

    __slots__ = ("callback", "err_callback", "limit", "used", "cut", "buffers")

    def __init__(self, callback, limit):
        self.callback = callback
        self.err_callback = None    # sys.stderr's text, apart (None: with the rest)
        self.limit = limit
        self.used = 0
        self.cut = False
        self.buffers = None         # ([stdout parts], [stderr parts]) while execute() runs

    def reset(self):
        self.used = 0
        self.cut = False

    def __call__(self, text, err=False):
        limit = self.limit
        if limit is not None:
            if self.cut:
                return
            n = _utf8_len(text)
            if self.used + n > limit:
                text = _utf8_prefix(text, limit - self.used) + cut_marker(limit)
                self.cut = True
            self.used += n
        buffers = self.buffers
        if buffers is not None:
            buffers[1 if err else 0].append(text)
        elif err and self.err_callback is not None:
            self.err_callback(text)
        elif self.callback is not None:
            self.callback(text)
        else:
            (_sys.stderr if err else _sys.stdout).write(text)
