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
    amp, angle = s.count("&"), s.count("<") + s.count(">")
    quotes = s.count('"') + s.count("'") if quote else 0
    grow = 4 * amp + 3 * angle + 5 * quotes
    need(len(s) + grow + 64)
    # five passes of str.replace, each copying the text (about 4 ns a character on big texts),
    # and about 100 ns for each replaced character (steps of the limit counter are 120 ns)
    charge(len(s) // 30 + amp + angle + quotes + 1, len(s) + grow)
    return _html.escape(s, bool(quote))


def unescape(s):
    s = exact_str(s, "argument") if isinstance(s, str) else s
    if type(s) is not str:
        raise TypeError(f"argument of type '{type(s).__name__}' is not iterable")
    # (no entity expands: the result is never longer than the text)
    need(len(s) + 64)
    # a regular expression over the text, and a callback for each entity (about 3 us)
    charge(len(s) // 60 + 25 * s.count("&") + 1)
    return _html.unescape(s)


def build(vm):
    return {"escape": escape, "unescape": unescape}
