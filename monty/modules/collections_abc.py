"""`collections.abc` for sandbox code: CPython's abstract base classes, to test with
isinstance/issubclass and to derive sandbox classes from. `register` is not offered: it would
change the classes for the whole host process."""

import collections.abc as _abc

NAME = "collections.abc"

_NAMES = """
Awaitable Coroutine AsyncIterable AsyncIterator AsyncGenerator Hashable Iterable Iterator
Generator Reversible Sized Container Callable Collection Set MutableSet Mapping MutableMapping
MappingView KeysView ItemsView ValuesView Sequence MutableSequence ByteString
""".split()

ABCS = {name: getattr(_abc, name) for name in _NAMES if hasattr(_abc, name)}
TYPES = tuple(ABCS.values())


def build(vm):
    return dict(ABCS)
