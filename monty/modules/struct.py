"""`struct` for sandbox code: CPython's packing and unpacking, with the size of every result
known from the format (calcsize) and checked before anything is built."""

import struct as _s

from ._support import charge, need, need_items

NAME = "struct"
error = _s.error
EXCEPTIONS = (error,)

_MAX_FORMAT = 1 << 16       # characters of a format string
_SIZE = _s.Struct.size.__get__     # the C size (a sandbox subclass's own `size` cannot answer)


def _format(fmt):
    if isinstance(fmt, str):
        fmt = str.__str__(fmt)
    elif isinstance(fmt, (bytes, bytearray)):
        fmt = bytes(fmt)
    else:
        raise TypeError(f"Struct() argument 1 must be a str or bytes object, not "
                        f"{type(fmt).__name__}")
    if len(fmt) > _MAX_FORMAT:
        raise ValueError(f"struct formats longer than {_MAX_FORMAT} characters are not "
                         f"supported in the sandbox")
    charge(len(fmt) // 16)
    return fmt


def _compiled(fmt):
    if type(fmt) is _s.Struct:
        return fmt
    return _s.Struct(_format(fmt))


def _check_items(st):
    """A format's item count is bounded by its text (a count repeats one code: '1000000i'),
    but the items are built one by one: pre-check the tuple unpack makes."""
    size = _SIZE(st)
    charge(size // 64)
    # at most one item per byte, except 'x' pad bytes (no item) and '0s' style codes
    return size


def calcsize(fmt):
    return _SIZE(_compiled(fmt))


def pack(fmt, /, *values):
    st = _compiled(fmt)
    need(_SIZE(st) + 33)
    charge(_SIZE(st) // 64 + len(values))
    return _s.Struct.pack(st, *values)


def pack_into(fmt, buffer, offset, /, *values):
    st = _compiled(fmt)
    charge(_SIZE(st) // 64 + len(values))
    return _s.Struct.pack_into(st, buffer, offset, *values)


def _items_of(st, nbytes):
    # ('1000000b' unpacks 10**6 ints from 10**6 bytes: the buffer given bounds it)
    need_items(min(nbytes, _SIZE(st)) + 1)
    charge(nbytes // 16)


def unpack(fmt, buffer, /):
    st = _compiled(fmt)
    _items_of(st, _SIZE(st))
    return _s.Struct.unpack(st, buffer)


def unpack_from(fmt, /, buffer, offset=0):
    st = _compiled(fmt)
    _items_of(st, _SIZE(st))
    return _s.Struct.unpack_from(st, buffer, offset)


def iter_unpack(fmt, buffer, /):
    st = _compiled(fmt)
    n = len(memoryview(buffer).cast("B")) if not isinstance(buffer, (bytes, bytearray)) else len(buffer)
    if _SIZE(st) == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    if n % _SIZE(st):
        raise error(f"iterative unpacking requires a buffer of a multiple of {_SIZE(st)} bytes")
    _items_of(st, n)
    need_items(n // _SIZE(st) + 1)
    return iter(list(_s.Struct.iter_unpack(st, buffer)))


class Struct(_s.Struct):
    """Struct(fmt) --> compiled struct object"""

    __slots__ = ()
    __module__ = "struct"

    def __init__(self, format):
        _s.Struct.__init__(self, _format(format))

    def pack(self, *values):
        return pack(self, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self, buffer)

    def __reduce__(self):
        return (Struct, (self.format,))


def _compiled_struct(fmt):
    if isinstance(fmt, _s.Struct):
        return fmt
    return _s.Struct(_format(fmt))


_compiled = _compiled_struct
Struct.__qualname__ = "Struct"

TYPES = (Struct,)
METHODS = {Struct: {"pack": Struct.pack, "pack_into": Struct.pack_into, "unpack": Struct.unpack,
                    "unpack_from": Struct.unpack_from, "iter_unpack": Struct.iter_unpack}}
ATTRIBUTES = {Struct: ("format", "size")}
TP_NAMES = {Struct: "_struct.Struct"}


def _load_struct(data):
    if type(data) is not str:
        raise ValueError("bad struct format")
    return Struct(data)


SNAPSHOT = {Struct: (lambda s: s.format, _load_struct)}


def build(vm):
    return {"pack": pack, "pack_into": pack_into, "unpack": unpack, "unpack_from": unpack_from,
            "iter_unpack": iter_unpack, "calcsize": calcsize, "Struct": Struct, "error": error}
