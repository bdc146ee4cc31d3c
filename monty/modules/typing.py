"""`typing` for sandbox code: every name usable in annotations; TYPE_CHECKING is False."""

import typing as _t

NAME = "typing"

# names handed out as CPython's own objects (subscriptable, usable in isinstance where
# CPython allows it); their attributes stay behind the sandbox's gate
_PASSTHROUGH = """
Any Optional Union List Dict Tuple Set FrozenSet Callable Iterable Iterator Generator
Sequence Mapping MutableMapping MutableSequence MutableSet AbstractSet Collection Container
Hashable Sized Reversible Type TypeVar Generic Protocol Literal Final ClassVar Annotated
NoReturn Deque DefaultDict OrderedDict Counter ChainMap Awaitable Coroutine AsyncIterator
AsyncIterable AsyncGenerator Pattern Match IO TextIO BinaryIO SupportsInt SupportsFloat
SupportsAbs SupportsIndex SupportsRound ParamSpec Concatenate TypeAlias TypeGuard Self
LiteralString Never Required NotRequired Unpack TypeVarTuple NamedTuple TypedDict AnyStr Text
""".split()


def _identity(func):
    return func


def cast(typ, value):
    return value


import builtins as _builtins

from ._support import is_sandbox_class, sandbox_getattr

_BUILTIN_TYPES = {name: getattr(_builtins, name) for name in (
    "int", "float", "str", "bytes", "bool", "list", "dict", "set", "frozenset", "tuple",
    "object", "complex", "bytearray", "type")}


def _resolve(value, names):
    """A string annotation resolved by name (builtins, typing's names, the class's own module
    names given): forward references that are expressions stay strings."""
    if value is None:
        return type(None)
    if type(value) is str:
        key = value.strip()
        if key in names:
            return names[key]
        if key in _BUILTIN_TYPES:
            return _BUILTIN_TYPES[key]
        if key == "None":
            return type(None)
        if hasattr(_t, key) and key in _PASSTHROUGH:
            return getattr(_t, key)
    return value


def _annotations(obj):
    try:
        ann = sandbox_getattr(obj, "__annotations__")
    except AttributeError:
        return {}
    if not isinstance(ann, dict):
        return {}
    return dict.copy(ann)


def _strip_extras(value):
    if type(value) is _t._AnnotatedAlias:
        return _strip_extras(value.__origin__)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Type hints of a class (its MRO's annotations, base classes first) or a function."""
    names = {}
    for ns in (globalns, localns):
        if isinstance(ns, dict):
            names.update({k: v for k, v in dict.items(ns) if type(k) is str})
    hints = {}
    if isinstance(obj, type):
        if not is_sandbox_class(obj):
            return {}
        for klass in reversed(obj.__mro__):
            if not is_sandbox_class(klass):
                continue
            ann = type.__dict__["__dict__"].__get__(klass).get("__annotations__")
            if isinstance(ann, dict):
                for k, v in dict.items(ann):
                    hints[k] = _resolve(v, names)
    else:
        for k, v in _annotations(obj).items():
            hints[k] = _resolve(v, names)
    if not include_extras:
        hints = {k: _strip_extras(v) for k, v in hints.items()}
    return hints


# the functional forms TypedDict('P', {...}) and NamedTuple('P', [...]) make the class a class
# statement makes (monty/modules/_sandbox/_loops_lib.py): the host's would be a host class
from ._support import _core as _vm_core    # noqa: E402

_vm_core.register_route(_t.TypedDict, lambda *args, **kwargs: "typing_typeddict")
_vm_core.register_route(_t.NamedTuple, lambda *args, **kwargs: "typing_namedtuple")


def build(vm):
    names = {name: getattr(_t, name) for name in _PASSTHROUGH if hasattr(_t, name)}
    names.update(
        TYPE_CHECKING=False,
        cast=cast,
        overload=_identity,
        final=_identity,
        no_type_check=_identity,
        runtime_checkable=_identity,
        get_origin=_t.get_origin,
        get_args=_t.get_args,
        get_type_hints=get_type_hints,
        is_typeddict=_t.is_typeddict,
        assert_never=_t.assert_never,
        reveal_type=_identity,
    )
    return names
