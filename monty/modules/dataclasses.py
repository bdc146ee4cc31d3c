"""`dataclasses` for sandbox code, on CPython's own implementation.

Field names are checked to be plain identifiers before CPython generates the methods, so no
text of the sandbox's reaches that code generation except identifiers.
"""

import dataclasses as _dc
import keyword

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


def dataclass(cls=None, /, **options):
    """@dataclass and @dataclass(...), with CPython's options and behaviour."""
    def wrap(klass):
        _check_fields(klass)
        return _dc.dataclass(klass, **options)
    if cls is None:
        return wrap
    return wrap(cls)


def build(vm):
    return {
        "dataclass": dataclass,
        "field": _dc.field,
        "fields": _dc.fields,
        "asdict": _dc.asdict,
        "astuple": _dc.astuple,
        "replace": _dc.replace,
        "is_dataclass": _dc.is_dataclass,
        "FrozenInstanceError": _dc.FrozenInstanceError,
        "MISSING": _dc.MISSING,
        "KW_ONLY": _dc.KW_ONLY,
        "InitVar": _dc.InitVar,
        "Field": _dc.Field,
    }
