"""`functools` for sandbox code.

partial, cmp_to_key, lru_cache/cache and cached_property are CPython's (their C code only
calls what it is given and hashes/compares arguments); reduce walks its input in charged
chunks; wraps/update_wrapper copy names through the attribute gate; total_ordering only
ever adds methods to classes the sandbox defined.
"""

import functools as _ft
import sys as _sys

from ._support import chunks, sandbox_getattr, sandbox_iter, type_name

NAME = "functools"

_EMPTY = object()


def reduce(*args):
    if len(args) < 2:
        raise TypeError(f"reduce expected at least 2 arguments, got {len(args)}")
    if len(args) > 3:
        raise TypeError(f"reduce expected at most 3 arguments, got {len(args)}")
    function, iterable, initial = args[0], args[1], args[2:]
    try:
        it = sandbox_iter(iterable)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    value = initial[0] if initial else _EMPTY
    for chunk in chunks(it):
        for item in chunk:
            if value is _EMPTY:
                value = item
            else:
                value = function(value, item)
    if value is _EMPTY:
        raise TypeError("reduce() of empty iterable with no initial value")
    return value


WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)


def _sandbox_classes():
    return _sys.modules["monty._core"]._sandbox_classes


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Copy the wrapped function's names onto a sandbox function (or a sandbox object)."""
    core = _sys.modules["monty._core"]
    for attr in ("__name__", "__qualname__"):
        if attr not in assigned:
            continue
        try:
            value = sandbox_getattr(wrapped, attr)
        except AttributeError:
            continue
        if type(wrapper) is core.Function:
            if type(value) is str:
                if attr == "__name__":
                    wrapper.name = value
                else:
                    wrapper.qualname = value
        elif type(wrapper) in _sandbox_classes():
            setattr(wrapper, attr, value)
    if type(wrapper) in _sandbox_classes():
        try:
            wrapper.__dict__["__wrapped__"] = wrapped
        except (AttributeError, TypeError):
            pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


_CONVERT = {
    "__lt__": [("__gt__", lambda self, other: _ft._gt_from_lt(self, other)),
               ("__le__", lambda self, other: _ft._le_from_lt(self, other)),
               ("__ge__", lambda self, other: _ft._ge_from_lt(self, other))],
    "__le__": [("__ge__", lambda self, other: _ft._ge_from_le(self, other)),
               ("__lt__", lambda self, other: _ft._lt_from_le(self, other)),
               ("__gt__", lambda self, other: _ft._gt_from_le(self, other))],
    "__gt__": [("__lt__", lambda self, other: _ft._lt_from_gt(self, other)),
               ("__ge__", lambda self, other: _ft._ge_from_gt(self, other)),
               ("__le__", lambda self, other: _ft._le_from_gt(self, other))],
    "__ge__": [("__le__", lambda self, other: _ft._le_from_ge(self, other)),
               ("__gt__", lambda self, other: _ft._gt_from_ge(self, other)),
               ("__lt__", lambda self, other: _ft._lt_from_ge(self, other))],
}


def total_ordering(cls):
    """Fill in the missing ordering methods of a class the sandbox defined."""
    if not isinstance(cls, type) or cls not in _sandbox_classes():
        raise TypeError(f"total_ordering() needs a class defined by sandbox code, "
                        f"not {type_name(cls)!r}")
    roots = {op for op in _CONVERT if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)
    for opname, opfunc in _CONVERT[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


partial = _ft.partial
cmp_to_key = _ft.cmp_to_key
cached_property = _ft.cached_property
_lru_type = type(_ft.lru_cache()(lambda: None))


lru_cache = _ft.lru_cache
cache = _ft.cache

_CacheInfo = type(_ft.lru_cache()(lambda: None).cache_info())

METHODS = {
    _lru_type: {"cache_info": _lru_type.cache_info, "cache_clear": _lru_type.cache_clear,
                "cache_parameters": lambda f: f.cache_parameters()},
}
ATTRIBUTES = {
    _ft.partial: ("func", "args", "keywords"),
    _CacheInfo: ("hits", "misses", "maxsize", "currsize"),
}
METHODS[_CacheInfo] = {"_asdict": _CacheInfo._asdict, "count": tuple.count, "index": tuple.index}


def build(vm):
    return {
        "reduce": reduce, "partial": partial, "lru_cache": lru_cache, "cache": cache,
        "wraps": wraps, "update_wrapper": update_wrapper, "total_ordering": total_ordering,
        "cmp_to_key": cmp_to_key, "cached_property": cached_property,
        "WRAPPER_ASSIGNMENTS": WRAPPER_ASSIGNMENTS, "WRAPPER_UPDATES": WRAPPER_UPDATES,
    }
