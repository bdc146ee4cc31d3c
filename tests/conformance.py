"""Runs a snippet under CPython and under monty and checks that the outcomes agree.

A snippet is module-level code; its outcome is ("value", value of the last expression statement
or None, printed text) or ("raise", exception type name, message, printed text). Case files under
differential/ hold snippets separated by lines that are exactly `# ---`.
"""

import ast
import builtins
import contextlib
import io
import os

CASES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "differential")
SEPARATOR = "# ---"

PLAIN_SCALARS = (type(None), bool, int, float, str, bytes)
PLAIN_CONTAINERS = (list, tuple, dict, set, frozenset)


def split_snippets(text):
    """The snippets of a case file: the text between lines that are exactly `# ---`."""
    snippets, current = [], []
    for line in text.splitlines(keepends=True):
        if line.rstrip("\r\n") == SEPARATOR:
            snippets.append("".join(current))
            current = []
        else:
            current.append(line)
    snippets.append("".join(current))
    return [s for s in snippets if s.strip()]


def load_cases(cases_dir=CASES_DIR):
    """[(id, code)] for every snippet of every case file, with ids `file:index`."""
    cases = []
    for name in sorted(os.listdir(cases_dir)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(cases_dir, name), encoding="utf-8") as f:
            for index, code in enumerate(split_snippets(f.read())):
                cases.append((f"{name}:{index}", code))
    return cases


def reference_outcome(code):
    """The outcome of `code` under CPython: module-level exec, last expression evaluated."""
    tree = ast.parse(code, "<snippet>")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = tree.body.pop()
    namespace = {"__builtins__": builtins}
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(tree, "<snippet>", "exec"), namespace)
            value = None
            if last is not None:
                expression = ast.Expression(body=last.value)
                value = eval(compile(expression, "<snippet>", "eval"), namespace)
    except Exception as exc:
        return ("raise", type(exc).__name__, str(exc), out.getvalue())
    return ("value", value, out.getvalue())


def monty_message(error):
    """The sandbox exception's own message, whichever way MontyRuntimeError carries it."""
    if hasattr(error, "message"):
        return error.message
    text = str(error)
    if text == error.exc_type:
        return ""
    if text.startswith(error.exc_type + ":"):
        return text.partition(": ")[2]
    return text


def monty_outcome(code):
    """The outcome of `code` under monty. Errors other than MontyRuntimeError propagate."""
    import monty

    chunks = []
    sandbox = monty.Sandbox(print_callback=chunks.append)
    try:
        value = sandbox.run(code)
    except monty.MontyRuntimeError as error:
        return ("raise", error.exc_type, monty_message(error), "".join(chunks))
    return ("value", value, "".join(chunks))


def is_plain(value):
    """True if `value` is data that may cross the sandbox boundary."""
    if isinstance(value, PLAIN_SCALARS):
        return True
    if type(value) is dict:
        return all(is_plain(k) and is_plain(v) for k, v in value.items())
    if type(value) in PLAIN_CONTAINERS:
        return all(is_plain(item) for item in value)
    return False


def same_value(a, b):
    """Equal, and of the same type at every level; NaN equals NaN and -0.0 differs from 0.0."""
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return repr(a) == repr(b)
    if type(a) in (list, tuple):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if type(a) is dict:
        return len(a) == len(b) and all(
            same_value(ka, kb) and same_value(va, vb)
            for (ka, va), (kb, vb) in zip(a.items(), b.items())
        )
    if type(a) in (set, frozenset):
        return a == b and _typed_elements(a) == _typed_elements(b)
    return a == b


def _typed_elements(items):
    return sorted(f"{type(item).__name__}:{item!r}" for item in items)


def same_outcome(expected, actual):
    if expected[0] != actual[0]:
        return False
    if expected[0] == "value":
        return same_value(expected[1], actual[1]) and expected[2] == actual[2]
    return expected[1:] == actual[1:]


def describe(outcome):
    if outcome[0] == "value":
        _, value, printed = outcome
        return f"value {value!r} ({type(value).__name__}), printed {printed!r}"
    _, exc_type, message, printed = outcome
    return f"raised {exc_type}: {message!r}, printed {printed!r}"


def run_both(code):
    """(CPython outcome, monty outcome) for one snippet."""
    return reference_outcome(code), monty_outcome(code)


def assert_same(code):
    """Fails with both outcomes and the snippet if monty disagrees with CPython."""
    expected = reference_outcome(code)
    if expected[0] == "value":
        assert is_plain(expected[1]), (
            f"snippet error: CPython's value {expected[1]!r} is not plain data\n{code}"
        )
    import monty

    try:
        actual = monty_outcome(code)
    except monty.MontyError as error:
        raise AssertionError(
            f"monty raised {type(error).__name__} instead of running the snippet: {error}\n"
            f"expected: {describe(expected)}\n--- snippet ---\n{code}"
        ) from None
    except Exception as error:
        raise AssertionError(
            f"host exception escaped monty: {type(error).__name__}: {error}\n"
            f"expected: {describe(expected)}\n--- snippet ---\n{code}"
        ) from error
    assert same_outcome(expected, actual), (
        f"\nCPython: {describe(expected)}\nmonty:   {describe(actual)}\n--- snippet ---\n{code}"
    )
