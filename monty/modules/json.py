"""`json` for sandbox code: CPython's encoder and decoder on the sandbox's plain data."""

import json as _json

from .. import policy

NAME = "json"
EXCEPTIONS = (_json.JSONDecodeError,)
ATTRIBUTES = {_json.JSONDecodeError: ("msg", "doc", "pos", "lineno", "colno")}

_MAX_INDENT = 64


def _check_indent(indent):
    if isinstance(indent, int) and indent > _MAX_INDENT:
        raise ValueError(f"indent larger than {_MAX_INDENT} is not supported in the sandbox")
    if isinstance(indent, str) and len(indent) > _MAX_INDENT:
        raise ValueError(f"indent longer than {_MAX_INDENT} characters is not supported in the sandbox")


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          indent=None, separators=None, default=None, sort_keys=False):
    _check_indent(indent)
    # the encoder goes through obj unfolded as a tree (lists sharing sublists: 2**40 items)
    policy.precheck_walk(obj, 10.0 if indent is None else 20.0)
    return _json.dumps(obj, skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                       check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                       separators=separators, default=default, sort_keys=sort_keys)


def loads(s, *, parse_float=None, parse_int=None, parse_constant=None, object_hook=None,
          object_pairs_hook=None):
    return _json.loads(s, parse_float=parse_float, parse_int=parse_int,
                       parse_constant=parse_constant, object_hook=object_hook,
                       object_pairs_hook=object_pairs_hook)


def build(vm):
    return {"dumps": dumps, "loads": loads, "JSONDecodeError": _json.JSONDecodeError}
