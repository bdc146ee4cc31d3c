"""`html` for sandbox code: CPython's escape and unescape on exact text, the size of the
result checked first and the work counted as it goes.

A long text is handled in pieces (each about 64K characters, cut where no character
reference can span the cut), so the time limit is checked between pieces and never waits for
one long native call."""

import html as _html

from ._support import charge, exact_str, need

NAME = "html"

_PIECE = 1 << 16


def escape(s, quote=True):
    s = exact_str(s, "argument") if isinstance(s, str) else s
    if type(s) is not str:
        # CPython: s.replace(...) on whatever was passed
        raise AttributeError(f"'{type(s).__name__}' object has no attribute 'replace'")
    quote = bool(quote)
    amp, angle = s.count("&"), s.count("<") + s.count(">")
    quotes = s.count('"') + s.count("'") if quote else 0
    grow = 4 * amp + 3 * angle + 5 * quotes
    need(len(s) + grow + 64)
    if len(s) <= _PIECE:
        charge(len(s) // 30 + amp + angle + quotes + 1)
        return _html.escape(s, quote)
    # each character is replaced on its own: pieces escape independently
    out = []
    for start in range(0, len(s), _PIECE):
        piece = s[start:start + _PIECE]
        # five passes of str.replace, each copying the text (about 4 ns a character), and
        # about 100 ns for each replaced character (steps of the limit counter are 120 ns)
        charge(len(piece) // 30 + len(piece) // 8 + 1, len(piece) * 2)
        out.append(_html.escape(piece, quote))
    return "".join(out)


def unescape(s):
    s = exact_str(s, "argument") if isinstance(s, str) else s
    if type(s) is not str:
        raise TypeError(f"argument of type '{type(s).__name__}' is not iterable")
    # (no reference expands: the result is never longer than the text)
    need(len(s) + 64)
    if "&" not in s:
        return s
    out = []
    start = 0
    n = len(s)
    while start < n:
        end = min(start + _PIECE, n)
        if end < n:
            # cut before an '&': a character reference never contains one
            cut = s.rfind("&", start + 1, end)
            if cut > start:
                end = cut
        piece = s[start:end]
        # a regular expression over the text, and a callback for each reference (about 3 us)
        charge(len(piece) // 60 + 25 * piece.count("&") + 1)
        out.append(_html.unescape(piece))
        start = end
    return out[0] if len(out) == 1 else "".join(out)


def build(vm):
    return {"escape": escape, "unescape": unescape}
