"""What every adapter tells a model: what the sandbox offers (from `monty.capabilities()` and
`Sandbox.describe_functions()`, never a list kept by hand) and, when code fails, a report it can
fix (the sandbox traceback with source lines and a one-line hint for the common cases)."""

from .. import errors as _errors

# the modules named in the instructions first (the rest follow alphabetically)
_COMMON = ("json", "re", "math", "datetime", "collections", "itertools", "functools",
           "asyncio", "statistics", "decimal", "csv", "io", "random", "string", "textwrap")


def instructions(sandbox=None, *, tool_names_line=True):
    """A paragraph for a system prompt or a tool description: how to write code for the sandbox,
    the modules it may import, the host functions (as Python stubs) and how to return a value."""
    from .. import capabilities
    caps = capabilities(sandbox)
    hosted = sandbox._modules.names() if sandbox is not None else []
    # the sandbox's host modules first (the model's tools), then the common standard ones
    mods = sorted(caps["modules"], key=lambda m: (m not in hosted, m not in _COMMON,
                                                  _COMMON.index(m) if m in _COMMON else 0, m))
    lines = [
        "Write Python 3 code. It runs in a sandboxed interpreter: no files, network, processes "
        "or environment, only the functions listed below.",
        "The value of the last expression (or of a top-level `return EXPR`) is the result; "
        "print() output is captured. Variables, functions and imports persist between runs.",
        "Modules available to import: " + ", ".join(mods) + ".",
    ]
    unsupported = caps["syntax"].get("unsupported_statements", []) + caps["syntax"].get(
        "unsupported_expressions", [])
    if unsupported:
        lines.append("Not supported: " + ", ".join(unsupported) + ".")
    stubs = sandbox.describe_functions().strip() if sandbox is not None else ""
    if stubs:
        lines.append("Functions you can call (async ones with `await`; several at once with "
                     "`asyncio.gather`):")
        lines.append(stubs)
    return "\n".join(lines)


_LIMIT_ADVICE = {
    "MontyTimeLimitError": "smaller loops, or split the work across runs",
    "MontyMemoryLimitError": "keep less data alive (process it in pieces)",
    "MontyAllocationLimitError": "create fewer objects",
    "MontyHostCallLimitError": "call the functions fewer times (batch the calls)",
}


def hint(error):
    """One line that tells a model how to fix `error` (a MontyError), or None."""
    if isinstance(error, _errors.MontySyntaxError):
        if error.construct:
            return f"The sandbox does not support {error.construct}; rewrite without it."
        return None
    if isinstance(error, _errors.MontyLimitError):
        advice = _LIMIT_ADVICE.get(type(error).__name__)
        return (f"A resource limit stopped the code ({error}); do less work per run"
                + (f": {advice}." if advice else "."))
    if isinstance(error, _errors.MontyTypeError):
        return ("Only plain data (None, bool, int, float, str, bytes, list, tuple, dict, set) "
                "leaves the sandbox; end with plain values, e.g. repr(obj) or a dict of its "
                "fields.")
    if isinstance(error, _errors.MontyRuntimeError):
        if error.exc_type in ("ModuleNotFoundError", "ImportError"):
            from .. import capabilities
            return ("Modules available: " + ", ".join(sorted(capabilities()["modules"])) + ".")
        if error.exc_type == "NameError":
            missing = _missing_builtin(error.message)
            if missing:
                return (f"`{missing}` is not available in the sandbox (no files, network, "
                        "processes or environment); use the functions listed for you.")
            return "Names persist between runs only if a run that defined them succeeded."
    return None


def _missing_builtin(message):
    """The name in "name 'open' is not defined" when it is a CPython builtin the sandbox does
    not offer (open, input, exec, eval, ...), else None."""
    import builtins
    import re
    m = re.match(r"name '([A-Za-z_][A-Za-z0-9_]*)' is not defined", message or "")
    if not m or not hasattr(builtins, m.group(1)):
        return None
    from .. import capabilities
    return None if m.group(1) in capabilities()["builtins"] else m.group(1)


def error_report(error):
    """{"type", "message", "traceback", "hint"} for a MontyError: what a model is shown."""
    if error is None:
        return None
    if isinstance(error, _errors.MontyRuntimeError):
        kind, message, tb = error.exc_type, error.message, error.display()
    elif isinstance(error, _errors.MontySyntaxError):
        kind, message = "SyntaxError", str(error)
        tb = error.display() if hasattr(error, "display") else message
    else:
        kind, message = type(error).__name__, str(error)
        tb = f"{kind}: {message}"
    return {"type": kind, "message": message, "traceback": tb, "hint": hint(error)}


def error_text(error):
    """The report as one block of text: the traceback, then the hint."""
    report = error_report(error)
    text = report["traceback"]
    if report["hint"]:
        text += "\nHint: " + report["hint"]
    return text


def outcome_report(outcome):
    """{"status", "result", "stdout", "stderr", "error"} for a monty.Outcome, JSON-ready
    (an Opaque result as its repr)."""
    from ..outcome import Opaque
    value = outcome.value
    if isinstance(value, Opaque):
        value = value.repr
    return {"status": "success" if outcome.ok else "error", "result": value,
            "stdout": outcome.stdout, "stderr": outcome.stderr,
            "error": error_report(outcome.error)}


def unshown_value(error):
    """What to show for a value that could not leave the sandbox when the program ended (the
    MontyTypeError `run()`/`start()` raise after the code ran, side effects done): its type
    and how to see it."""
    import re
    found = re.search(r"a value of type '([^']+)'", str(error))
    name = found.group(1) if found else "a"
    return (f"<{name} object: not plain data, so not shown; print() it, or end with plain data "
            f"such as repr(value)>")
