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


_DEFAULTS = {"width": 70, "initial_indent": "", "subsequent_indent": "", "expand_tabs": True,
             "replace_whitespace": True, "fix_sentence_endings": False,
             "break_long_words": True, "drop_whitespace": True, "break_on_hyphens": True,
             "tabsize": 8, "max_lines": None, "placeholder": " [...]"}


class TextWrapper:
    """Object for wrapping/filling text (textwrap.TextWrapper): its options are plain
    attributes; wrap() and fill() run CPython's wrapper with them, checked like wrap()."""

    __slots__ = _OPTIONS
    __module__ = "textwrap"

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _options(self):
        return {k: getattr(self, k) for k in _OPTIONS if k != "width"}

    def wrap(self, text):
        text = _text(text)
        return _wrapper(text, self.width, self._options()).wrap(text)

    def fill(self, text):
        text = _text(text)
        return _wrapper(text, self.width, self._options()).fill(text)


def _load_wrapper(data):
    if type(data) is not dict or set(data) != set(_OPTIONS) or not all(
            v is None or type(v) in (int, str, bool) for v in data.values()):
        raise ValueError("bad TextWrapper")
    w = TextWrapper()
    for k, v in data.items():
        setattr(w, k, v)
    return w


def _dump_wrapper(w):
    data = {k: getattr(w, k) for k in _OPTIONS}
    for v in data.values():
        if not (v is None or type(v) in (int, str, bool)):
            raise TypeError(f"a TextWrapper option of type {type(v).__name__!r}")
    return data


TYPES = (TextWrapper,)
METHODS = {TextWrapper: {"wrap": TextWrapper.wrap, "fill": TextWrapper.fill}}
ATTRIBUTES = {TextWrapper: _OPTIONS}
WRITABLE = {TextWrapper: _OPTIONS}
SNAPSHOT = {TextWrapper: (_dump_wrapper, _load_wrapper)}


def build(vm):
    return {"wrap": wrap, "fill": fill, "shorten": shorten, "dedent": dedent, "indent": indent,
            "TextWrapper": TextWrapper}
