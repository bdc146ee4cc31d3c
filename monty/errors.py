"""The exceptions monty raises to the host."""


class MontyError(Exception):
    """Base class of every error monty raises to the host."""


class MontySyntaxError(MontyError):
    """Code that does not parse, or uses syntax monty does not support.

    `str(e)` is the message and its line number, then, when the source line is known, that
    line with a caret under the offending place; `display()` renders it all as CPython prints
    a SyntaxError."""

    def __init__(self, message, lineno=None, construct=None, offset=None, text=None,
                 end_offset=None, filename="<string>", end_lineno=None):
        super().__init__(message if lineno is None else f"{message} (line {lineno})")
        self.message = message
        self.lineno = lineno
        self.construct = construct
        self.offset = offset            # 1-based column of the offending place, or None
        self.end_offset = end_offset
        self.end_lineno = end_lineno if end_lineno is not None or end_offset is None else lineno
        self.text = text                # the offending source line, or None
        self.filename = filename

    def __str__(self):
        head = self.message if self.lineno is None else f"{self.message} (line {self.lineno})"
        if self.text is None:
            return head
        return head + "\n" + "\n".join(_syntax_lines(self)[1:-1])

    def display(self):
        """The error as CPython prints a SyntaxError (file and line, the line, a caret)."""
        return "\n".join(_syntax_lines(self))


def _syntax_lines(err):
    import builtins
    import traceback
    name, sep, msg = err.message.partition(": ")
    cls = getattr(builtins, name, None) if sep else None
    if not (isinstance(cls, type) and issubclass(cls, SyntaxError)):
        cls, msg = SyntaxError, err.message
    exc = cls(msg, (err.filename, err.lineno, err.offset, err.text,
                    err.end_lineno, err.end_offset))
    return "".join(traceback.format_exception_only(cls, exc)).rstrip("\n").split("\n")


class MontyRuntimeError(MontyError):
    """An exception escaped the sandbox code.

    `exc_type` is its class name, `message` its text, `traceback` the sandbox frames it
    passed through as (function name, line) pairs, outermost first.
    """

    def __init__(self, exc_type, message, traceback=(), source=None, filename="<string>", chain=(),
                 positions=None):
        text = f"{exc_type}: {message}" if message else exc_type
        if traceback:
            text += f" (line {traceback[-1][1]})"   # where it was raised, innermost frame
        super().__init__(text)
        self.exc_type = exc_type
        self.message = message
        self.traceback = list(traceback)
        self.source = source
        self.filename = filename
        # earlier exceptions in the chain: (exc_type, message, traceback, how) with how in
        # {"cause", "context"}, outermost first
        self.chain = list(chain)
        # per frame of `traceback`: (lineno, end_lineno, col, end_col) of the expression that
        # raised (UTF-8 byte columns), or None; display() draws CPython's carets from them
        self.positions = list(positions) if positions is not None else None

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
        out += _render(self.exc_type, self.message, self.traceback, lines, self.filename,
                       self.positions)
        return "\n".join(out)


def _render(exc_type, message, frames, lines, filename, positions=None):
    out = ["Traceback (most recent call last):"] if frames else []
    if positions is None or len(positions) != len(frames):
        positions = [None] * len(frames)
    for (name, line), pos in zip(frames, positions):
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        if pos is not None and pos[0] == line and text.strip():
            out += _frame_with_carets(filename, line, name, text, pos)
            continue
        out.append(f'  File "{filename}", line {line}, in {name}')
        if text.strip():
            out.append("    " + text.strip())
    out.append(f"{exc_type}: {message}" if message else exc_type)
    return out


def _frame_with_carets(filename, line, name, text, pos):
    """A frame as CPython's traceback module prints it from the frame's positions (the source
    line, then carets under the part that raised when it is not the whole line)."""
    import traceback
    try:
        fs = traceback.FrameSummary(filename, line, name, lookup_line=False, line=text + "\n",
                                    end_lineno=pos[1], colno=pos[2], end_colno=pos[3])
        return traceback.StackSummary.from_list([fs]).format()[0].rstrip("\n").split("\n")
    except Exception:       # (positions that do not fit the line: the plain frame)
        return [f'  File "{filename}", line {line}, in {name}', "    " + text.strip()]


class MontyLimitError(MontyError):
    """A resource limit fired; sandbox code cannot catch it."""


class MontyTimeLimitError(MontyLimitError):
    """The sandbox ran longer than `Limits.max_duration`."""


class MontyMemoryLimitError(MontyLimitError):
    """The sandbox's live data exceeded `Limits.max_memory`."""


class MontyHostCallLimitError(MontyLimitError):
    """The sandbox called host functions more than `Limits.max_host_calls` times in a run."""


class MontyAllocationLimitError(MontyLimitError):
    """The sandbox made more allocations than `Limits.max_allocations`."""


class MontyTypeError(MontyError, TypeError):
    """A value that is not plain data tried to cross the sandbox boundary."""
