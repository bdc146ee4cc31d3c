"""`re` for sandbox code.

Patterns are parsed by CPython's `re` (so syntax errors, flags, group names and the repr are
CPython's own) and matched by the `regex` engine in its re-compatible mode, whose matching
can be interrupted: every search runs with a timeout equal to the sandbox's remaining time, so
a catastrophically backtracking pattern ends with the sandbox's time-limit error instead of
hanging the host. Pattern and Match objects are this module's own classes; sandbox code
reaches only their public methods and attributes.
"""

import re as _re
import sys as _sys
import time as _time

import regex as _rx

from .. import policy
from ._support import _core as _core_module, is_vm_code

try:
    from re import _constants as _sre_c, _parser as _sre_parse
except ImportError:        # Python < 3.11
    import sre_constants as _sre_c
    import sre_parse as _sre_parse

NAME = "re"

_VM = {}            # "vm": the sandbox whose module is being used (set by build)
_TOKEN = object()   # only this module can create Pattern and Match objects
_CACHE = {}
_CACHE_MAX = 512

_FLAG_NAMES = ("IGNORECASE", "I", "MULTILINE", "M", "DOTALL", "S", "VERBOSE", "X", "ASCII", "A",
               "UNICODE", "U", "NOFLAG")


def _charge(n):
    from monty import _core
    _core.charge(n)


def _timeout(vm):
    deadline = getattr(vm, "deadline", 0.0) if vm is not None else 0.0
    if not deadline:
        return None
    remaining = deadline - _time.perf_counter()
    if remaining <= 0:
        _charge(1 << 20)     # past the deadline: the sandbox's own time-limit error
        remaining = 0.0
    return remaining + 0.005


def _timed_out():
    """After the engine's TimeoutError: the sandbox's time-limit error when its deadline has
    passed (it has: the timeout is the remaining time), else a RuntimeError."""
    _charge(1 << 20)
    raise RuntimeError("regular expression matching took too long")


_SUB_UNCHECKED = 1 << 20     # bytes sub()'s result could reach at most, unchecked


def _charged_template(repl):
    """A template replacement whose result could be large (a long template, many matches):
    expanded per match with the pieces' total checked against the memory limit as they come,
    so the engine never builds a result the limit refuses (it builds it in one native call
    the timeout does not cover)."""
    literal = (b"\\" if isinstance(repl, (bytes, bytearray)) else "\\") not in repl
    total = [0, _SUB_UNCHECKED]      # bytes so far, the next total to check

    def expand(m):
        if literal:
            piece = repl
        else:
            piece = m.expand(repl)
            _charge(len(repl) // 16 + 1)     # the expansion's work (about 1 us / 16 chars)
        total[0] += len(piece)
        if total[0] >= total[1]:     # checked each time the total doubles
            total[1] = total[0] * 2
            policy.check_alloc(total[0])
        return piece
    return expand


class _Call:
    """Runs an engine call with the sandbox's remaining time as its timeout."""

    __slots__ = ("vm",)

    def __init__(self, vm):
        self.vm = vm

    def __call__(self, func, *args, **kwargs):
        try:
            return func(*args, timeout=_timeout(self.vm), **kwargs)
        except TimeoutError:
            _timed_out()


def _no_subclass(name):
    def __init_subclass__(cls, **kwargs):
        raise TypeError(f"type 're.{name}' is not an acceptable base type")
    return classmethod(__init_subclass__)


class Pattern:
    """A compiled regular expression (re.Pattern)."""

    __slots__ = ("_re", "_rx", "_vm")
    __module__ = "re"
    __init_subclass__ = _no_subclass("Pattern")

    def __new__(cls, *args, **kwargs):
        if not args or args[0] is not _TOKEN:
            raise TypeError("cannot create 're.Pattern' instances")
        return object.__new__(cls)

    def __init__(self, token, compiled, engine, vm):
        self._re = compiled
        self._rx = engine
        self._vm = vm

    # data
    @property
    def pattern(self):
        return self._re.pattern

    @property
    def flags(self):
        return self._re.flags

    @property
    def groups(self):
        return self._re.groups

    @property
    def groupindex(self):
        return dict(self._re.groupindex)

    def __repr__(self):
        return repr(self._re)

    def __eq__(self, other):
        if type(other) is not Pattern:
            return NotImplemented
        return self._re == other._re

    def __hash__(self):
        return hash(self._re)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # matching
    def _wrap(self, m):
        return None if m is None else Match(_TOKEN, m, self)

    def _check(self, string):
        if isinstance(self._re.pattern, str):
            if not isinstance(string, str):
                raise TypeError("cannot use a string pattern on a bytes-like object")
        elif isinstance(string, str):
            raise TypeError("cannot use a bytes pattern on a string-like object")
        elif not isinstance(string, (bytes, bytearray)):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")

    def _args(self, string, pos, endpos):
        if not isinstance(string, (str, bytes, bytearray)):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        self._check(string)
        pos = _index(pos)
        endpos = _index(endpos)
        return string, pos, min(endpos, len(string))

    def match(self, string, pos=0, endpos=_sys.maxsize):
        string, pos, endpos = self._args(string, pos, endpos)
        return self._wrap(_Call(self._vm)(self._rx.match, string, pos, endpos))

    def fullmatch(self, string, pos=0, endpos=_sys.maxsize):
        string, pos, endpos = self._args(string, pos, endpos)
        return self._wrap(_Call(self._vm)(self._rx.fullmatch, string, pos, endpos))

    def search(self, string, pos=0, endpos=_sys.maxsize):
        string, pos, endpos = self._args(string, pos, endpos)
        return self._wrap(_Call(self._vm)(self._rx.search, string, pos, endpos))

    def findall(self, string, pos=0, endpos=_sys.maxsize):
        string, pos, endpos = self._args(string, pos, endpos)
        return _Call(self._vm)(self._rx.findall, string, pos, endpos)

    def finditer(self, string, pos=0, endpos=_sys.maxsize):
        string, pos, endpos = self._args(string, pos, endpos)
        return _MatchIter(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        if not isinstance(string, (str, bytes, bytearray)):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        self._check(string)
        return _Call(self._vm)(self._rx.split, string, _index(maxsplit))

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        if not isinstance(string, (str, bytes, bytearray)):
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        self._check(string)
        count = _index(count)
        if callable(repl):
            state = [0, 0]

            def call(m):
                value = repl(Match(_TOKEN, m, self))
                if m.start() > state[1]:
                    state[0] += 1          # the text before this match is a piece too
                state[1] = m.end()
                if value is None:
                    return string[:0]
                index = state[0]
                state[0] += 1
                if isinstance(string, str):
                    if not isinstance(value, str):
                        raise TypeError(f"sequence item {index}: expected str instance, "
                                        f"{type(value).__name__} found")
                elif not isinstance(value, (bytes, bytearray)):
                    raise TypeError(f"sequence item {index}: expected a bytes-like object, "
                                    f"{type(value).__name__} found")
                return value
            engine_repl = call
        else:
            repl = _exact_pattern(repl)
            # CPython parses the template (its errors and messages) before any matching
            self._re.sub(repl, string[:0], count)
            engine_repl = repl
            if len(string) + (len(string) + 1) * len(repl) > _SUB_UNCHECKED:
                engine_repl = _charged_template(repl)
        return _Call(self._vm)(self._rx.subn, engine_repl, string, count)

    def scanner(self, *args, **kwargs):
        raise AttributeError("'re.Pattern' object attribute 'scanner' is not available in the sandbox")


class _MatchIter:
    """finditer(): matches found one at a time (each search timed like the others)."""

    __slots__ = ("_pattern", "_it", "_done", "_string")

    def __init__(self, pattern, string, pos, endpos):
        self._pattern = pattern
        self._string = string       # (the engine's iterator holds it too, out of the walk's sight)
        self._it = _Call(pattern._vm)(pattern._rx.finditer, string, pos, endpos)
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        try:
            # (the engine's iterator carries the timeout it was created with)
            m = next(self._it, None)
        except TimeoutError:
            self._done = True
            _timed_out()
        if m is None:
            self._done = True
            raise StopIteration
        return Match(_TOKEN, m, self._pattern)


class Match:
    """The result of a successful match (re.Match)."""

    __slots__ = ("_m", "_pattern")
    __module__ = "re"
    __init_subclass__ = _no_subclass("Match")

    def __new__(cls, *args, **kwargs):
        if not args or args[0] is not _TOKEN:
            raise TypeError("cannot create 're.Match' instances")
        return object.__new__(cls)

    def __init__(self, token, m, pattern):
        self._m = m
        self._pattern = pattern

    @property
    def string(self):
        return self._m.string

    @property
    def re(self):
        return self._pattern

    @property
    def pos(self):
        return self._m.pos

    @property
    def endpos(self):
        return self._m.endpos

    @property
    def lastindex(self):
        return self._m.lastindex

    @property
    def lastgroup(self):
        index = self._m.lastindex
        if index is None:
            return None
        for name, i in self._pattern._re.groupindex.items():
            if i == index:
                return name
        return None

    @property
    def regs(self):
        return self._m.regs

    def _group_key(self, g):
        if isinstance(g, (str, int)):
            if isinstance(g, bool):
                g = int(g)
            if isinstance(g, int) and not 0 <= g <= self._pattern._re.groups:
                raise IndexError("no such group")
            if isinstance(g, str) and g not in self._pattern._re.groupindex:
                raise IndexError("no such group")
            return g
        if hasattr(type(g), "__index__"):
            return self._group_key(_index(g))
        raise IndexError("no such group")

    def group(self, *groups):
        keys = [self._group_key(g) for g in groups] or [0]
        return self._m.group(*keys)

    def __getitem__(self, g):
        return self._m.group(self._group_key(g))

    def groups(self, default=None):
        return self._m.groups(default)

    def groupdict(self, default=None):
        return self._m.groupdict(default)

    def start(self, group=0):
        return self._m.start(self._group_key(group))

    def end(self, group=0):
        return self._m.end(self._group_key(group))

    def span(self, group=0):
        return self._m.span(self._group_key(group))

    def expand(self, template):
        # CPython's template parser checks the template, the engine expands it
        self._pattern._re.sub(template, self._m.string[:0])
        return self._m.expand(template)

    def __bool__(self):
        return True

    def __repr__(self):
        return f"<re.Match object; span={self._m.span()!r}, match={self._m.group(0)!r}>"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class _Frozen:
    """A match rebuilt from a snapshot (see monty/snapshot.py): its string, bounds and group
    spans, with the engine match's interface; no regex runs to make it."""

    __slots__ = ("string", "pos", "endpos", "regs", "lastindex", "_pattern")

    def __init__(self, pattern, string, pos, endpos, regs, lastindex):
        self._pattern = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self.regs = regs
        self.lastindex = lastindex

    def _one(self, g, default=None):
        if isinstance(g, str):
            g = self._pattern._re.groupindex[g]
        a, b = self.regs[g]
        return default if a < 0 else self.string[a:b]

    def group(self, *keys):
        if len(keys) <= 1:
            return self._one(keys[0] if keys else 0)
        return tuple(self._one(k) for k in keys)

    def groups(self, default=None):
        return tuple(self._one(i, default) for i in range(1, len(self.regs)))

    def groupdict(self, default=None):
        return {name: self._one(i, default) for name, i in self._pattern._re.groupindex.items()}

    def span(self, g=0):
        if isinstance(g, str):
            g = self._pattern._re.groupindex[g]
        return self.regs[g]

    def start(self, g=0):
        return self.span(g)[0]

    def end(self, g=0):
        return self.span(g)[1]

    def expand(self, template):
        parser = _re._parser
        return parser.expand_template(parser.parse_template(template, self._pattern._re), self)


def match_state(m):
    """(pattern, string, pos, endpos, regs, lastindex) of a Match, for snapshots."""
    e = m._m
    return (m._pattern, e.string, e.pos, e.endpos, tuple(tuple(r) for r in e.regs), e.lastindex)


def rebuilt_match(pattern, string, pos, endpos, regs, lastindex):
    """A Match from match_state's values, checked against the pattern (ValueError if not)."""
    if type(pattern) is not Pattern or type(string) is not type(pattern._re.pattern):
        raise ValueError("bad re.Match")
    n = len(string)
    if not (type(pos) is int and type(endpos) is int and 0 <= pos <= endpos <= n):
        raise ValueError("bad re.Match")
    if type(regs) is not tuple or len(regs) != pattern._re.groups + 1:
        raise ValueError("bad re.Match")
    for i, r in enumerate(regs):
        if not (type(r) is tuple and len(r) == 2 and type(r[0]) is int and type(r[1]) is int
                and ((r == (-1, -1) and i) or 0 <= r[0] <= r[1] <= n)):
            raise ValueError("bad re.Match")
    if not (lastindex is None or (type(lastindex) is int and 1 <= lastindex < len(regs))):
        raise ValueError("bad re.Match")
    return Match(_TOKEN, _Frozen(pattern, string, pos, endpos, regs, lastindex), pattern)


def _index(value):
    if isinstance(value, int):
        return int(value)
    if hasattr(type(value), "__index__") and not isinstance(value, float):
        return _sys.maxsize if value is None else int(value.__index__())
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


# ---------------------------------------------------------------------------------------------
# module functions

_FLAG_MAP = ((_re.IGNORECASE, _rx.IGNORECASE), (_re.LOCALE, _rx.LOCALE),
             (_re.MULTILINE, _rx.MULTILINE), (_re.DOTALL, _rx.DOTALL),
             (_re.UNICODE, _rx.UNICODE), (_re.VERBOSE, _rx.VERBOSE), (_re.ASCII, _rx.ASCII))


def _engine_flags(flags):
    result = _rx.VERSION0
    for ours, theirs in _FLAG_MAP:
        if flags & ours:
            result |= theirs
    return result


_REPEATS = frozenset(getattr(_sre_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT",
                                                       "POSSESSIVE_REPEAT") if hasattr(_sre_c, name))
_UNIT_BYTES = 300         # the engine's memory per expanded pattern item (measured: ~250)
_UNIT_STEPS = 12          # and its compile time, in policy steps (~1.1 us)


def _expanded_size(tree):
    """The number of items of `tree` (a parsed pattern) once its counted repeats are unrolled:
    the `regex` engine compiles `(?:(?:a{1000}){1000}){1000}` into a billion nodes (an
    unbounded repeat counts its minimum)."""
    total = 0
    for op, av in tree:
        if op in _REPEATS:
            lo, hi, sub = av
            total += max(lo if hi == _sre_c.MAXREPEAT else hi, 1) * _expanded_size(sub)
        else:
            total += 1 + _nested_size(av)
    return total


def _nested_size(av):
    if isinstance(av, _sre_parse.SubPattern):
        return _expanded_size(av)
    if isinstance(av, (tuple, list)):
        return sum(_nested_size(x) for x in av)
    return 0


def _check_expansion(pattern, flags):
    """Refuse (memory and time limits) a pattern the engine would unroll into too many nodes."""
    if ("{" if isinstance(pattern, str) else b"{") not in pattern:
        return          # (no counted repeat)
    try:
        units = _expanded_size(_sre_parse.parse(pattern, flags))
    except RecursionError:
        units = 1 << 40
    if units > 10_000:
        policy.check_alloc(units * _UNIT_BYTES)
        policy.precheck_steps(units * _UNIT_STEPS)


def _exact_pattern(pattern):
    """A str/bytes subclass pattern as its exact text: the checks here would ask its own
    methods (`in`, indexing while parsing), the engine reads its raw data."""
    t = type(pattern)
    if t is str or t is bytes or t is bytearray:
        return pattern
    if isinstance(pattern, str):
        return str.__str__(pattern)
    if isinstance(pattern, (bytes, bytearray)):
        return bytes(memoryview(pattern))
    return pattern


def _exact_flags(flags):
    """An int subclass as its exact value (its own `&` could put DEBUG back)."""
    if type(flags) is not int and isinstance(flags, int) and type(flags) is not bool:
        return int.__index__(flags)
    return flags


def _compile(pattern, flags, vm):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if isinstance(flags, _re.RegexFlag):
        flags = flags.value
    pattern, flags = _exact_pattern(pattern), _exact_flags(flags)
    key = (type(pattern), pattern, flags, id(vm))
    found = _CACHE.get(key)
    if found is not None and found._vm is vm:
        return found
    if isinstance(flags, int) and not isinstance(flags, bool):
        flags &= ~_re.DEBUG           # (it would print the parse tree on the host's stdout)
    compiled = _re.compile(pattern, flags)     # CPython's parser, errors and flags
    _check_expansion(pattern, compiled.flags)
    engine = _rx.compile(pattern, _engine_flags(compiled.flags))
    result = Pattern(_TOKEN, compiled, engine, vm)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def build(vm):
    def compile(pattern, flags=0):
        return _compile(pattern, flags, vm)

    def match(pattern, string, flags=0):
        return _compile(pattern, flags, vm).match(string)

    def fullmatch(pattern, string, flags=0):
        return _compile(pattern, flags, vm).fullmatch(string)

    def search(pattern, string, flags=0):
        return _compile(pattern, flags, vm).search(string)

    def findall(pattern, string, flags=0):
        return _compile(pattern, flags, vm).findall(string)

    def finditer(pattern, string, flags=0):
        return _compile(pattern, flags, vm).finditer(string)

    def sub(pattern, repl, string, count=0, flags=0):
        return _compile(pattern, flags, vm).sub(repl, string, count)

    def subn(pattern, repl, string, count=0, flags=0):
        return _compile(pattern, flags, vm).subn(repl, string, count)

    def split(pattern, string, maxsplit=0, flags=0):
        return _compile(pattern, flags, vm).split(string, maxsplit)

    def purge():
        for key in [k for k in list(_CACHE) if k[3] == id(vm)]:
            _CACHE.pop(key, None)

    # re.sub and re.subn written in sandbox Python (monty/modules/_loops.py): with a function
    # as repl, Pattern.sub runs it as a frame of the VM (host calls inside pause)
    from ._loops import function as _loops_function
    sub = _loops_function(vm, "re_sub")
    subn = _loops_function(vm, "re_subn")

    names = {
        "compile": compile, "match": match, "fullmatch": fullmatch, "search": search,
        "findall": findall, "finditer": finditer, "sub": sub, "subn": subn, "split": split,
        "purge": purge, "escape": _re.escape, "error": _re.error,
        "Pattern": Pattern, "Match": Match,
    }
    for flag in _FLAG_NAMES:
        if hasattr(_re, flag):
            names[flag] = int(getattr(_re, flag))
    return names


for _f in (Pattern, Match):
    _f.__qualname__ = _f.__name__
_MatchIter.__name__ = _MatchIter.__qualname__ = "callable_iterator"

TYPES = (Pattern, Match)
EXCEPTIONS = (_re.error,)
ATTRIBUTES = {
    _re.error: ("msg", "pattern", "pos", "lineno", "colno"),
    Pattern: ("pattern", "flags", "groups", "groupindex"),
    Match: ("string", "re", "pos", "endpos", "lastindex", "lastgroup", "regs"),
}
def _checked(cls, name):
    method = getattr(cls, name)

    def checked(self, *args, **kwargs):
        if type(self) is not cls:
            raise TypeError(f"descriptor '{name}' for 're.{cls.__name__}' objects doesn't apply "
                            f"to a '{type(self).__name__}' object")
        return method(self, *args, **kwargs)
    checked.__name__ = checked.__qualname__ = name
    return checked


METHODS = {
    Pattern: {name: _checked(Pattern, name) for name in
              ("match", "fullmatch", "search", "findall", "finditer", "split", "sub", "subn")},
    Match: {name: _checked(Match, name) for name in
            ("group", "groups", "groupdict", "start", "end", "span", "expand")},
    _MatchIter: {},
}


def _route_sub(self, repl, string, count=0):
    # (a sandbox str subclass's instance is a template, as for CPython: only a callable
    # repl runs as a function)
    if type(self) is Pattern and type(count) is int and is_vm_code(repl) and callable(repl):
        return "pattern_sub"
    return None


def _route_subn(self, repl, string, count=0):
    return "pattern_subn" if _route_sub(self, repl, string, count) else None


# p.sub(f, s) with a sandbox or host function f: monty/modules/_loops.py's pattern_sub runs
# f as a frame of the VM (host calls inside pause)
_core_module.register_route(METHODS[Pattern]["sub"], _route_sub)
_core_module.register_route(METHODS[Pattern]["subn"], _route_subn)
