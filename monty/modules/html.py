"""`html` for sandbox code: CPython's escape and unescape on exact text, the size of the
result checked and the work counted first."""

import html as _html

from ._support import charge, exact_str, need

NAME = "html"


def escape(s, quote=True):
    s = exact_str(s, "argument") if isinstance(s, str) else s
    if type(s) is not str:
        # CPython: s.replace(...) on whatever was passed
        raise AttributeError(f"'{type(s).__name__}' object has no attribute 'replace'")
    grow = 4 * s.count("&") + 3 * (s.count("<") + s.count(">"))
    if quote:
        grow += 5 * (s.count('"') + s.count("'"))
    need(len(s) + grow + 64)
    charge(len(s) // 64)
    return _html.escape(s, bool(quote))


def unescape(s):
    s = exact_str(s, "argument") if isinstance(s, str) else s
    if type(s) is not str:
        raise TypeError(f"argument of type '{type(s).__name__}' is not iterable")
    # (no entity expands: the result is never longer than the text)
    need(len(s) + 64)
    charge(len(s) // 16)
    return _html.unescape(s)


def build(vm):
    return {"escape": escape, "unescape": unescape}
