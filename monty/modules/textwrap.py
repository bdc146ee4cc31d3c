"""`textwrap` for sandbox code: CPython's implementation, with the size of indented results
checked first and the work of long texts counted against the sandbox's limits."""

import re as _re
import textwrap as _tw

from .. import policy

NAME = "textwrap"

_CHUNK = 1000


def _charge(n):
    from monty import _core
    _core.charge(n)


class _Chunks(list):
    """The chunk list TextWrapper consumes with pop(): counts the work every _CHUNK pops."""

    __slots__ = ("_n",)

    def pop(self, *args):
        self._n = getattr(self, "_n", 0) + 1
        if self._n % _CHUNK == 0:
            _charge(_CHUNK)
        return list.pop(self, *args)


_BOUNDARY = _re.compile(r"\s(?=\S)")
_PIECE = 10_000


class _Wrapper(_tw.TextWrapper):
    def _split_chunks(self, text):
        return _Chunks(super()._split_chunks(text))

    def _split(self, text):
        # CPython's chunking regex cannot be interrupted: run it on pieces of the text cut
        # where a word starts after whitespace (no chunk spans such a point), counting each
        if len(text) <= _PIECE:
            return super()._split(text)
        chunks = []
        start, n = 0, len(text)
        while start < n:
            end = start + _PIECE
            if end < n:
                m = _BOUNDARY.search(text, end - 1)
                end = m.end() if m else n
            else:
                end = n
            chunks.extend(super()._split(text[start:end]))
            _charge(_CHUNK)
            start = end
        return chunks


_OPTIONS = ("width", "initial_indent", "subsequent_indent", "expand_tabs", "replace_whitespace",
            "fix_sentence_endings", "break_long_words", "drop_whitespace", "break_on_hyphens",
            "tabsize", "max_lines", "placeholder")


def _wrapper(text, width, kwargs):
    for key in kwargs:
        if key not in _OPTIONS:
            raise TypeError(f"TextWrapper.__init__() got an unexpected keyword argument '{key}'")
    for key in ("width", "tabsize", "max_lines"):
        value = width if key == "width" else kwargs.get(key)
        if type(value) is not int and isinstance(value, int) and type(value) is not bool:
            # the exact value (a subclass's own comparisons would answer the checks below)
            value = int.__index__(value)
            if key == "width":
                width = value
            else:
                kwargs[key] = value
    for key in ("initial_indent", "subsequent_indent", "placeholder"):
        value = kwargs.get(key)
        if type(value) is not str and isinstance(value, str):
            kwargs[key] = str.__str__(value)
    if isinstance(text, str):
        indent = max(len(kwargs.get("initial_indent", "") or ""),
                     len(kwargs.get("subsequent_indent", "") or ""))
        tabsize = kwargs.get("tabsize", 8)
        tabs = text.count("\t") * tabsize if isinstance(tabsize, int) and tabsize > 1 else 0
        # at worst one line per character, each with its indent and placeholder
        extra = len(kwargs.get("placeholder", "") or "")
        policy.check_alloc((len(text) + tabs) * (indent + 1) + extra + 64)
        # wrapping costs 0.3-1.1 us a character (narrow widths the most), and freeing the
        # chunks of a text refused half-way cannot be interrupted: costed before it starts
        _charge(4 * len(text))
    return _Wrapper(width=width, **kwargs)


def _text(text):
    """A str subclass as its exact text (its own methods would run inside the wrapper)."""
    if type(text) is not str and isinstance(text, str):
        return str.__str__(text)
    return text


def wrap(text, width=70, **kwargs):
    text = _text(text)
    return _wrapper(text, width, kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    text = _text(text)
    return _wrapper(text, width, kwargs).fill(text)


def shorten(text, width, **kwargs):
    text = _text(text)
    kwargs.setdefault("placeholder", " [...]")
    w = _wrapper(text, width, dict(kwargs, max_lines=1))
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    return _tw.dedent(text)


def indent(text, prefix, predicate=None):
    if not isinstance(text, str) or not isinstance(prefix, str):
        return _tw.indent(text, prefix, predicate)
    lines = text.splitlines(True)
    policy.check_alloc(len(text) + len(lines) * len(prefix))
    out = []
    for i, line in enumerate(lines):
        if i % _CHUNK == _CHUNK - 1:
            _charge(_CHUNK)
        if (line.strip() if predicate is None else predicate(line)):
            out.append(prefix + line)
        else:
            out.append(line)
    return "".join(out)


def build(vm):
    return {"wrap": wrap, "fill": fill, "shorten": shorten, "dedent": dedent, "indent": indent}
