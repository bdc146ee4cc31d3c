"""`traceback` for sandbox code: format_exc, print_exc, format_exception, print_exception,
format_exception_only, TracebackException, of sandbox exceptions, with the sandbox frames each
one unwound through.

Written in sandbox Python (monty/modules/_sandbox/traceback.py). Two host helpers read what
sandbox code cannot: the frames recorded on an exception (checked: a list of (str, int)) and
the name CPython prints for its type ('ValueError', 'json.decoder.JSONDecodeError')."""

from ._support import private_helpers, build_internal, sandbox_source

NAME = "traceback"
PREFIX = "traceback."
EXPORTS = """format_exc print_exc format_exception print_exception format_exception_only
format_tb extract_tb print_tb print_last TracebackException StackSummary
FrameSummary""".split()

SOURCE = sandbox_source(NAME)

_exc_dict = BaseException.__dict__["__dict__"].__get__
_qualname = type.__dict__["__qualname__"].__get__
_module_of = type.__dict__["__module__"].__get__


def _tb_frames(exc):
    """[(function name, line)] of the sandbox frames `exc` unwound through, outermost first."""
    if not isinstance(exc, BaseException):
        raise TypeError("expected an exception")
    tb = _exc_dict(exc).get("__monty_tb__")
    out = []
    if type(tb) is list:
        for entry in tb:
            if (type(entry) is tuple and 2 <= len(entry) <= 3 and type(entry[0]) is str
                    and type(entry[1]) is int):
                out.append(entry[:2])       # (a third item: the carets' columns)
    return out


def _tb_type_name(exc):
    """CPython's name for the type of `exc` in a traceback: module-qualified unless the type
    lives in builtins or __main__."""
    if exc is None:
        return "NoneType"
    tp = type(exc)
    name = _qualname(tp)
    module = _module_of(tp)
    if type(module) is not str:
        module = None
    if type(name) is not str:
        name = "<unknown>"
    if module is None:
        return f"<unknown>.{name}"
    if module in ("__main__", "builtins"):
        return name
    return f"{module}.{name}"


private_helpers(tb_frames=_tb_frames, tb_type_name=_tb_type_name)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
