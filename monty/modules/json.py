"""`json` for sandbox code: CPython's encoder and decoder on the sandbox's plain data."""

import json as _json

from .. import policy
from ._support import _core, is_vm_code

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
        value = default(o)
        policy.precheck_walk(value, factor)
        return value
    return checked


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
          object_pairs_hook=None):
    return _json.loads(s, parse_float=parse_float, parse_int=parse_int,
                       parse_constant=parse_constant, object_hook=object_hook,
                       object_pairs_hook=object_pairs_hook)


def _route_dumps(obj, *, default=None, **kwargs):
    return "json_dumps" if default is not None and is_vm_code(default) else None


def _route_loads(s, *, object_hook=None, object_pairs_hook=None, **kwargs):
    if is_vm_code(object_hook) or is_vm_code(object_pairs_hook):
        return "json_loads"
    return None


# with a sandbox default/object_hook the call runs monty/modules/_loops.py's json_dumps or
# json_loads: the hooks run as frames of the VM (host calls inside pause)
_core.register_route(dumps, _route_dumps)
_core.register_route(loads, _route_loads)


def build(vm):
    return {"dumps": dumps, "loads": loads, "JSONDecodeError": _json.JSONDecodeError}
