"""The exceptions monty raises to the host."""


class MontyError(Exception):
    """Base class of every error monty raises to the host."""


class MontySyntaxError(MontyError):
    """Code that does not parse, or uses syntax monty does not support."""

    def __init__(self, message, lineno=None, construct=None):
        super().__init__(message if lineno is None else f"{message} (line {lineno})")
        self.message = message
        self.lineno = lineno
        self.construct = construct


class MontyRuntimeError(MontyError):
    """An exception escaped the sandbox code.

    `exc_type` is its class name, `message` its text, `traceback` the sandbox frames it
    passed through as (function name, line) pairs, outermost first.
    """

    def __init__(self, exc_type, message, traceback=(), source=None, filename="<string>", chain=()):
        super().__init__(f"{exc_type}: {message}" if message else exc_type)
        self.exc_type = exc_type
        self.message = message
        self.traceback = list(traceback)
        self.source = source
        self.filename = filename
        # earlier exceptions in the chain: (exc_type, message, traceback, how) with how in
        # {"cause", "context"}, outermost first
        self.chain = list(chain)

    def display(self):
        """The traceback as CPython prints it."""
        lines = self.source.splitlines() if self.source else []
        out = []
        for exc_type, message, frames, how in self.chain:
            out += _render(exc_type, message, frames, lines, self.filename)
            out.append("")
            out.append("The above exception was the direct cause of the following exception:"
                       if how == "cause" else
                       "During handling of the above exception, another exception occurred:")
            out.append("")
        out += _render(self.exc_type, self.message, self.traceback, lines, self.filename)
        return "\n".join(out)


def _render(exc_type, message, frames, lines, filename):
    out = ["Traceback (most recent call last):"] if frames else []
    for name, line in frames:
        out.append(f'  File "{filename}", line {line}, in {name}')
        if 0 < line <= len(lines) and lines[line - 1].strip():
            out.append("    " + lines[line - 1].strip())
    out.append(f"{exc_type}: {message}" if message else exc_type)
    return out


class MontyLimitError(MontyError):
    """A resource limit fired; sandbox code cannot catch it."""


class MontyTimeLimitError(MontyLimitError):
    """The sandbox ran longer than `Limits.max_duration`."""


class MontyMemoryLimitError(MontyLimitError):
    """The sandbox's live data exceeded `Limits.max_memory`."""


class MontyAllocationLimitError(MontyLimitError):
    """The sandbox made more allocations than `Limits.max_allocations`."""


class MontyTypeError(MontyError, TypeError):
    """A value that is not plain data tried to cross the sandbox boundary."""
