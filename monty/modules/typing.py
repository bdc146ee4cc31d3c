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


def build(vm):
    names = {name: getattr(_t, name) for name in _PASSTHROUGH if hasattr(_t, name)}
    names.update(
        TYPE_CHECKING=False,
        cast=cast,
        overload=_identity,
        final=_identity,
        no_type_check=_identity,
        runtime_checkable=_identity,
    )
    return names
