"""`python -m monty FILE.py` runs a file in a sandbox; `python -m monty` alone is a REPL on one
Sandbox. The `monty` console script is the same program.

Limits come from flags (each takes a number, or `none` for no cap). Printed text streams to
stdout (and sys.stderr's to stderr) as the sandbox prints it. An error prints the sandbox's
traceback to stderr; the file mode then exits with status 1.
"""

import argparse
import codeop
import sys
import warnings

from . import Limits, MontyError, MontyRuntimeError, MontySyntaxError, Opaque, Sandbox
from .limits import FIELDS as _LIMIT_FIELDS

# (flag, Limits field, type): --max-duration, --max-memory, ...
_LIMIT_FLAGS = tuple(("--" + name.replace("_", "-"), name, kind) for name, kind in _LIMIT_FIELDS)


def _number(kind):
    def parse(text):
        if text.lower() == "none":
            return None
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        return value
    parse.__name__ = kind.__name__
    return parse


def _parser():
    p = argparse.ArgumentParser(
        prog="monty", description="Run Python code in a monty sandbox: a file, code given with "
                                  "-c, or, with neither, an interactive session on one sandbox.")
    p.add_argument("file", nargs="?", help="the Python file to run ('-': standard input)")
    p.add_argument("-c", dest="command", metavar="CODE", help="run CODE instead of a file")
    for flag, field, kind in _LIMIT_FLAGS:
        p.add_argument(flag, dest=field, type=_number(kind), default=argparse.SUPPRESS,
                       metavar="N", help=f"Limits.{field} ('none': no cap)")
    return p


def _limits(args):
    fields = {field: getattr(args, field) for _, field, _ in _LIMIT_FLAGS if hasattr(args, field)}
    return Limits(**fields)


class _Stream:
    """Where the sandbox's printed text goes: written and flushed at once."""

    def __init__(self, stream):
        self.stream = stream

    def __call__(self, text, err=False):
        self.stream.write(text)
        self.stream.flush()


def _sandbox(limits):
    sb = Sandbox(limits=limits, print_callback=_Stream(sys.stdout))
    sb._output.err_callback = _Stream(sys.stderr)
    return sb


def _report(error, filename):
    """The error as CPython would print it, on stderr."""
    if isinstance(error, MontyRuntimeError):
        error.filename = filename
        text = error.display()
    elif isinstance(error, MontySyntaxError):
        error.filename = filename
        text = error.display()
    else:
        text = f"{type(error).__name__}: {error}"
    sys.stdout.flush()
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _exit_status(error):
    """A SystemExit raised by sandbox code (sys.exit) sets the status, as in CPython."""
    if isinstance(error, MontyRuntimeError) and error.exc_type == "SystemExit":
        message = error.message or ""
        if message in ("", "None"):
            return 0, None
        try:
            return int(message), None
        except ValueError:
            return 1, message
    return None


def run_file(source, filename, limits):
    sb = _sandbox(limits)
    try:
        sb.run(source)
    except MontyError as e:
        status = _exit_status(e)
        if status is not None:
            code, message = status
            if message is not None:
                sys.stderr.write(message + "\n")
            return code
        _report(e, filename)
        return 1
    return 0


def _display(value):
    if value is None:
        return
    text = value.repr if type(value) is Opaque else repr(value)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _complete(source):
    """Whether `source` is a whole entry (CPython's own rule for the interactive prompt: a
    compound statement ends at a blank line). Text CPython refuses (a top-level `return` or
    `await`, a syntax error) is whole: monty judges it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return codeop.compile_command(source, "<stdin>", "single") is not None
    except (SyntaxError, ValueError, OverflowError):
        return True


def repl(limits, stdin=None):
    """Read entries from `stdin` until its end; run each on one Sandbox (state kept, limits
    per entry), showing the value of an expression like the interactive prompt."""
    stdin = stdin or sys.stdin
    sb = _sandbox(limits)
    interactive = stdin.isatty()
    if interactive:
        sys.stderr.write("monty sandbox (limits per entry: "
                         f"{limits!r}); Ctrl-D to leave\n")
    lines = []
    while True:
        sys.stderr.write("... " if lines else ">>> ")
        sys.stderr.flush()
        line = stdin.readline()
        if not line:
            if lines:
                _run_entry(sb, "\n".join(lines) + "\n")
            sys.stderr.write("\n")
            return 0
        # (as CPython's console: the lines without their newlines, so that a block is whole
        # only once a blank line ends it)
        lines.append(line.rstrip("\r\n"))
        source = "\n".join(lines)
        if not source.strip():
            lines = []
            continue
        if _complete(source):
            lines = []
            _run_entry(sb, source + "\n")


def _run_entry(sb, source):
    sb._enter()
    try:
        try:
            linked = sb._prepare(source, None)
            value = sb._run_linked(linked, source, True)
        except MontyError as e:
            _report(e, "<stdin>")
            return
    finally:
        sb._busy.release()
    _display(value)


def main(argv=None):
    args = _parser().parse_args(argv)
    try:
        limits = _limits(args)
    except (TypeError, ValueError) as e:
        sys.stderr.write(f"monty: {e}\n")
        return 2
    if args.command is not None:
        return run_file(args.command, "<string>", limits)
    if args.file is None:
        try:
            return repl(limits)
        except KeyboardInterrupt:
            sys.stderr.write("\nKeyboardInterrupt\n")
            return 130
    if args.file == "-":
        return run_file(sys.stdin.read(), "<stdin>", limits)
    try:
        with open(args.file, encoding="utf-8") as f:
            source = f.read()
    except OSError as e:
        sys.stderr.write(f"monty: can't open file {args.file!r}: {e.strerror}\n")
        return 2
    return run_file(source, args.file, limits)
