"""`abc` for sandbox code: ABC, ABCMeta (as `metaclass=ABCMeta`), abstractmethod; instances of
a class with abstract methods are refused with CPython's message.

Written in sandbox Python (monty/modules/_sandbox/abc.py). Three host helpers do what sandbox
code cannot: read and set a sandbox class's `__abstractmethods__` (CPython keeps the flag that
refuses instances with it), and unwrap a classmethod/staticmethod/bound method to its function.
Each accepts only sandbox classes and exact strings."""

from .. import _core
from ._support import is_sandbox_class, private_helpers, build_internal, sandbox_source

NAME = "abc"
PREFIX = "abc."
EXPORTS = """ABC ABCMeta abstractmethod update_abstractmethods get_cache_token abstractclassmethod
abstractstaticmethod abstractproperty""".split()

SOURCE = sandbox_source(NAME)

_get_abstracts = type.__dict__["__abstractmethods__"].__get__
_BoundMethod = _core.BoundMethod


def _abstracts(cls):
    """The abstract names of a sandbox class (a frozenset), () for one with none, None for
    anything else."""
    if not is_sandbox_class(cls):
        return () if isinstance(cls, type) else None
    try:
        names = _get_abstracts(cls)
    except AttributeError:
        return ()
    if type(names) is not frozenset or not all(type(n) is str for n in names):
        return ()
    return names


def _set_abstracts(cls, names):
    if not is_sandbox_class(cls):
        raise TypeError("abstract methods can only be set on classes defined in the sandbox")
    if type(names) is not frozenset or not all(type(n) is str for n in names):
        raise TypeError("abstract method names must be a frozenset of str")
    type.__setattr__(cls, "__abstractmethods__", names)


def _unwrap(value):
    t = type(value)
    if t is classmethod or t is staticmethod:
        return value.__func__
    if t is _BoundMethod:
        return value.func
    return None


private_helpers(abc_abstracts=_abstracts, abc_set_abstracts=_set_abstracts, abc_unwrap=_unwrap)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
