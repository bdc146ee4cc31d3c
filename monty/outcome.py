"""What `Sandbox.execute` hands back (`Outcome`, `Opaque`), and where printed text goes (the
per-run output limit, stdout and stderr kept apart)."""


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


def _utf8_prefix(text, nbytes):
    """The longest prefix of `text` that is at most `nbytes` bytes of UTF-8."""
    if text.isascii():
        return text[:nbytes]
    return text.encode("utf-8", "surrogatepass")[:nbytes].decode("utf-8", "ignore")


def cut_text(text, nbytes, limit):
    """`text` cut where the output limit is reached, with the marker."""
    return _utf8_prefix(text, nbytes) + cut_marker(limit)


# The sandbox's print callback (written in C, monty/_output.pxi: print is a hot path): counts
# the bytes a run prints against `max_output` (past it, a marker, then nothing more; the run
# goes on), then hands the text to the host's callback (None: the host's sys.stdout /
# sys.stderr), to a separate stderr callback, or to the buffers of an execute().
from ._core import OutputSink as Output  # noqa: E402
