"""`pprint` for sandbox code: CPython's module run as sandbox Python
(monty/modules/_sandbox/pprint.py): its recursion is the sandbox's (bounded by the recursion
limit), its work and output count against the limits. CPython picks a printer by the
`__repr__` a value's type has; the host answers that with a name (or None), reading the type's
MRO at the C level."""

import collections as _c

from . import collections as _mc
from ._support import private_helpers, build_internal, sandbox_source

NAME = "pprint"
PREFIX = "pprint."
EXPORTS = """pprint pformat pp isreadable isrecursive saferepr PrettyPrinter""".split()

SOURCE = sandbox_source(NAME)

_mro = type.__dict__["__mro__"].__get__
_ns = type.__dict__["__dict__"].__get__

_KINDS = {dict: "dict", list: "list", tuple: "tuple", set: "set", frozenset: "frozenset",
          str: "str", bytes: "bytes", bytearray: "bytearray", int: "int",
          _c.OrderedDict: "OrderedDict", _c.defaultdict: "defaultdict", _c.Counter: "Counter",
          _c.deque: "deque", _mc.ChainMap: "ChainMap"}


def _repr_kind(obj):
    for klass in _mro(type(obj)):
        if "__repr__" in _ns(klass):
            return _KINDS.get(klass)
    return None


private_helpers(repr_kind=_repr_kind)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
