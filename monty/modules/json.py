"""`json` for sandbox code: CPython's encoder and decoder on the sandbox's plain data
(dumps, loads), and JSONEncoder, JSONDecoder, dump and load written in sandbox Python
(monty/modules/_sandbox/json.py) on top of them, so a subclass's methods run in the VM."""

import json as _json
import json.decoder as _json_decoder

from .. import policy
from ._support import _core, build_internal, exact_str, is_vm_code, private_helpers, sandbox_source

NAME = "json"
PREFIX = "json."
EXPORTS = ("JSONEncoder", "JSONDecoder", "dump", "load")
SOURCE = sandbox_source(NAME)
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
        value = default(o)
        policy.precheck_walk(value, factor)
        return value
    return checked


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False):
    if cls is not None:     # (a call the VM did not route: a callback run by native code)
        raise TypeError("json.dumps(cls=...) cannot run from a callback of native code in "
                        "the sandbox")
    indent = _check_indent(indent)
    separators = _check_separators(separators)
    factor = 10.0 if indent is None else 20.0
    # the encoder goes through obj unfolded as a tree (lists sharing sublists: 2**40 items)
    policy.precheck_walk(obj, factor)
    return _json.dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                       check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                       separators=separators, default=_checked_default(default, factor),
                       sort_keys=sort_keys)


def loads(s, *, cls=None, parse_float=None, parse_int=None, parse_constant=None,
          object_hook=None, object_pairs_hook=None):
    if cls is not None:
        raise TypeError("json.loads(cls=...) cannot run from a callback of native code in "
                        "the sandbox")
    return _json.loads(s, parse_float=parse_float, parse_int=parse_int,
                       parse_constant=parse_constant, object_hook=object_hook,
                       object_pairs_hook=object_pairs_hook)


_DUMPS_KEYWORDS = frozenset(("skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls",
                             "indent", "separators", "default", "sort_keys"))
_LOADS_KEYWORDS = frozenset(("cls", "parse_float", "parse_int", "parse_constant", "object_hook",
                             "object_pairs_hook"))


def _route_dumps(obj=None, *args, cls=None, default=None, **kwargs):
    if cls is not None or not _DUMPS_KEYWORDS.issuperset(kwargs):
        return "json_dumps_cls"       # an encoder class (its methods run in the VM)
    return "json_dumps" if default is not None and is_vm_code(default) else None


def _route_loads(s=None, *args, cls=None, object_hook=None, object_pairs_hook=None, **kwargs):
    if cls is not None or not _LOADS_KEYWORDS.issuperset(kwargs):
        return "json_loads_cls"
    if is_vm_code(object_hook) or is_vm_code(object_pairs_hook):
        return "json_loads"
    return None


def _error(msg, doc, pos):
    """A JSONDecodeError for the sandbox-Python decoder (exact values only)."""
    if type(pos) is not int:
        raise TypeError("JSONDecodeError position must be int")
    return _json.JSONDecodeError(exact_str(msg, "msg"), exact_str(doc, "doc"), pos)


_WS = _json_decoder.WHITESPACE.match


def _skip_space(s, idx):
    """The index of the first non-whitespace character at or after idx (JSON whitespace)."""
    s = exact_str(s, "the JSON document")
    if type(idx) is not int:
        raise TypeError(f"idx must be int, not {type(idx).__name__}")
    return _WS(s, idx).end()


def _scan(s, idx, strict, parse_float, parse_int, parse_constant, pairs):
    """JSONDecoder.raw_decode: (value, end) decoded from `s` at `idx`; objects as tuples of
    (key, value) pairs when `pairs` (the sandbox-Python decoder applies its hooks)."""
    if not isinstance(s, str):
        raise TypeError(f"first argument must be a string, not {type(s).__name__}")
    s = exact_str(s, "the JSON document")
    if type(idx) is not int:
        if not isinstance(idx, int):
            raise TypeError(f"'{type(idx).__name__}' object cannot be interpreted as an integer")
        idx = int.__index__(idx)
    decoder = _json_decoder.JSONDecoder(
        parse_float=None if parse_float is float else parse_float,
        parse_int=None if parse_int is int else parse_int, parse_constant=parse_constant,
        strict=strict if type(strict) is bool else (
            bool(strict) if type(strict) in (int, float, str, type(None)) else True),
        object_pairs_hook=tuple if pairs else None)
    return decoder.raw_decode(s, idx)


def _text(b):
    """json.loads of bytes: the text in the encoding CPython detects."""
    b = bytes(b) if type(b) in (bytes, bytearray) else None
    if b is None:
        raise TypeError("the JSON object must be str, bytes or bytearray")
    return b.decode(_json.detect_encoding(b), "surrogatepass")


private_helpers(json_dumps=dumps, json_error=_error, json_scan=_scan,
                json_skip_space=_skip_space, json_text=_text)


# with a sandbox default/object_hook the call runs monty/modules/_loops.py's json_dumps or
# json_loads: the hooks run as frames of the VM (host calls inside pause)
_core.register_route(dumps, _route_dumps)
_core.register_route(loads, _route_loads)


def build(vm):
    attrs = build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
    attrs.update({"dumps": dumps, "loads": loads, "JSONDecodeError": _json.JSONDecodeError})
    return attrs
