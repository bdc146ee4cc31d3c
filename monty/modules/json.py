"""`json` for sandbox code: CPython's encoder and decoder on the sandbox's plain data, size
checked first; JSONEncoder/JSONDecoder (with `cls=`), load and dump are sandbox Python
(monty/modules/_sandbox/json.py) calling them, so load/dump work on any object with
read()/write() methods and a subclass's default() runs as sandbox code."""

import json as _json
import threading as _threading

from .. import policy

NAME = "json"
EXCEPTIONS = (_json.JSONDecodeError,)
ATTRIBUTES = {_json.JSONDecodeError: ("msg", "doc", "pos", "lineno", "colno")}

_MAX_INDENT = 64


def _exact(value, what):
    """`value` as an exact int/str (CPython's encoder uses a subclass's raw data, while its
    `__len__`/`__gt__` would answer the size checks as the sandbox likes)."""
    t = type(value)
    if t is bool or t is int or t is str or value is None:
        return value
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, str):
        return str.__str__(value)
    if what == "separator":
        raise TypeError(f"json separators must be str, not {t.__name__}")
    return value


def _check_indent(indent):
    indent = _exact(indent, "indent")
    if type(indent) is int and indent > _MAX_INDENT:
        raise ValueError(f"indent larger than {_MAX_INDENT} is not supported in the sandbox")
    if type(indent) is str and len(indent) > _MAX_INDENT:
        raise ValueError(f"indent longer than {_MAX_INDENT} characters is not supported in the sandbox")
    return indent


def _check_separators(separators):
    if separators is None:
        return None
    item, key = separators      # (CPython unpacks it the same way)
    item, key = _exact(item, "separator"), _exact(key, "separator")
    if len(item) > _MAX_INDENT or len(key) > _MAX_INDENT:
        raise ValueError(f"separators longer than {_MAX_INDENT} characters are not supported "
                         f"in the sandbox")
    return (item, key)


def _checked_default(default, factor):
    """`default`'s results are walked before the encoder goes through them like `obj`."""
    if default is None:
        return None

    def checked(o):
        # default() runs nested inside the C encoder, which recurses into what it returns:
        # each level holds C frames of the encoder and of a nested eval loop, so the nesting
        # is cut well before the C stack could run out
        depth = _DEFAULT_DEPTH.n = getattr(_DEFAULT_DEPTH, "n", 0) + 1
        try:
            if depth > _MAX_DEFAULT_DEPTH:
                raise RecursionError("maximum recursion depth exceeded while calling a Python "
                                     "object")
            value = default(o)
            policy.precheck_walk(value, factor)
            return value
        finally:
            _DEFAULT_DEPTH.n -= 1
    return checked


_DEFAULT_DEPTH = _threading.local()
_MAX_DEFAULT_DEPTH = 40


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          indent=None, separators=None, default=None, sort_keys=False):
    indent = _check_indent(indent)
    separators = _check_separators(separators)
    factor = 10.0 if indent is None else 20.0
    # the encoder goes through obj unfolded as a tree (lists sharing sublists: 2**40 items)
    policy.precheck_walk(obj, factor)
    return _json.dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                       check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                       separators=separators, default=_checked_default(default, factor),
                       sort_keys=sort_keys)


def loads(s, *, parse_float=None, parse_int=None, parse_constant=None, object_hook=None,
          object_pairs_hook=None, strict=True):
    return _json.loads(s, parse_float=parse_float, parse_int=parse_int,
                       parse_constant=parse_constant, object_hook=object_hook,
                       object_pairs_hook=object_pairs_hook, strict=bool(strict))


def raw_decode(s, idx=0, **hooks):
    if not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, not {type(s).__name__}")
    s = str.__str__(s)
    if isinstance(idx, int):
        idx = int.__index__(idx)
    hooks["strict"] = bool(hooks.get("strict", True))
    return _json.JSONDecoder(**hooks).raw_decode(s, idx)


from ._support import sandbox_source  # noqa: E402

PREFIX = "json."
SOURCE = sandbox_source(NAME)
_EXPORTS = ["JSONEncoder", "JSONDecoder", "dumps", "loads", "load", "dump"]


def build(vm):
    from .. import _core
    attrs = _core.build_internal_module(vm, NAME, SOURCE, PREFIX, _EXPORTS, {})
    # the host's checked functions the sandbox-Python classes call (module attributes too,
    # so a paused program holding them snapshots by name)
    host = {"_host_dumps": dumps, "_host_loads": loads, "_host_raw_decode": raw_decode}
    for name, func in host.items():
        vm.set_global(PREFIX + name, func)
    attrs.update(host)
    attrs["JSONDecodeError"] = _json.JSONDecodeError
    return attrs
