"""`dataclasses` for sandbox code, on CPython's own implementation.

Field names are checked to be plain identifiers before CPython generates the methods, so no
text of the sandbox's reaches that code generation except identifiers.
"""

import dataclasses as _dc
import keyword
from types import FunctionType as _FunctionType

from .. import policy as _policy

NAME = "dataclasses"
ATTRIBUTES = {_dc.Field: ("name", "type", "default", "default_factory", "init", "repr",
                          "hash", "compare", "metadata", "kw_only")}
EXCEPTIONS = (_dc.FrozenInstanceError,)


def _check_fields(cls):
    if not isinstance(cls, type):
        raise TypeError("dataclass() should be called on a class")
    for klass in cls.__mro__:
        for name in klass.__dict__.get("__annotations__", {}):
            if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
                raise TypeError(f"dataclass field names must be identifiers, not {name!r}")


_nest = [0]     # generated methods running (nested calls were costed by the outermost)


def _costed(method, check):
    """A method dataclasses generated (host code, which the VM's clock never interrupts),
    behind a check of the whole work before the outermost call: the cost walk goes through
    sandbox instances' attributes, so a DAG of instances is refused like a list DAG."""
    def wrapper(self, *args):
        if _nest[0] == 0:
            check(self, *args)
        _nest[0] += 1
        try:
            return method(self, *args)
        finally:
            _nest[0] -= 1
    wrapper.__name__ = method.__name__
    wrapper.__qualname__ = method.__qualname__
    return wrapper


_CHECKS = {
    "__repr__": lambda self: _policy.precheck_walk(self, 5.0),
    "__hash__": lambda self: _policy.precheck_walk(self),
    **{name: lambda self, other: _policy.precheck_compare(self, other)
       for name in ("__eq__", "__lt__", "__le__", "__gt__", "__ge__")},
}


def dataclass(cls=None, /, **options):
    """@dataclass and @dataclass(...), with CPython's options and behaviour."""
    def wrap(klass):
        _check_fields(klass)
        own = set(vars(klass))
        klass = _dc.dataclass(klass, **options)
        for name, check in _CHECKS.items():
            method = vars(klass).get(name)
            if name not in own and isinstance(method, _FunctionType):
                setattr(klass, name, _costed(method, check))
        return klass
    if cls is None:
        return wrap
    return wrap(cls)


def _costed_module_function(func):
    def wrapper(obj, *args, **kwargs):
        _policy.precheck_walk(obj)
        return func(obj, *args, **kwargs)
    wrapper.__name__ = func.__name__
    return wrapper


def build(vm):
    return {
        "dataclass": dataclass,
        "field": _dc.field,
        "fields": _dc.fields,
        "asdict": _costed_module_function(_dc.asdict),
        "astuple": _costed_module_function(_dc.astuple),
        "replace": _dc.replace,
        "is_dataclass": _dc.is_dataclass,
        "FrozenInstanceError": _dc.FrozenInstanceError,
        "MISSING": _dc.MISSING,
        "KW_ONLY": _dc.KW_ONLY,
        "InitVar": _dc.InitVar,
        "Field": _dc.Field,
    }
