"""`binascii` for sandbox code: CPython's conversions, each result's size checked from its
input's before it is built, and its time charged at that function's own cost a byte (measured:
quoted-printable and base64 decoding take tens of nanoseconds a byte, hexlify about ten), so
a call that cannot end before the deadline is refused before it starts."""

import binascii as _b

from ._support import charge, need

NAME = "binascii"
Error = _b.Error
Incomplete = _b.Incomplete
EXCEPTIONS = (Error, Incomplete)


def _len(data):
    if isinstance(data, str):
        return len(str.__str__(data))
    try:
        return memoryview(data).nbytes
    except TypeError:
        return 0      # (CPython's own TypeError follows)


_STEP_NS = 120          # the VM's unit of native work


def _sized(func, factor, ns, extra=0):
    def wrapper(data, *args, **kwargs):
        n = _len(data)
        need(int(n * factor) + extra + 64)
        charge(n * ns // _STEP_NS + 1)
        return func(data, *args, **kwargs)
    wrapper.__name__ = wrapper.__qualname__ = func.__name__
    wrapper.__module__ = "binascii"
    return wrapper


def _hex_sized(func):
    def wrapper(data, sep=None, bytes_per_sep=1):
        n = _len(data)
        need(3 * n + 64)
        charge(n * 30 // _STEP_NS + 1)
        if sep is None:
            return func(data)
        return func(data, sep, bytes_per_sep)
    wrapper.__name__ = wrapper.__qualname__ = func.__name__
    wrapper.__module__ = "binascii"
    return wrapper


def build(vm):
    return {
        "hexlify": _hex_sized(_b.hexlify), "b2a_hex": _hex_sized(_b.b2a_hex),
        # (result bytes per input byte, pessimistic ns per input byte: about twice the worst
        # measured on CPython 3.11 x86-64 over random, zero, space and newline data)
        "unhexlify": _sized(_b.unhexlify, 0.5, 12), "a2b_hex": _sized(_b.a2b_hex, 0.5, 12),
        "b2a_base64": _sized(_b.b2a_base64, 4 / 3, 50, 4),
        "a2b_base64": _sized(_b.a2b_base64, 0.75, 100),
        "crc32": _sized(_b.crc32, 0, 10), "crc_hqx": _sized(_b.crc_hqx, 0, 50),
        "b2a_uu": _sized(_b.b2a_uu, 4 / 3, 200, 4), "a2b_uu": _sized(_b.a2b_uu, 1, 10),
        "b2a_qp": _sized(_b.b2a_qp, 3, 240, 4), "a2b_qp": _sized(_b.a2b_qp, 1, 50),
        "Error": Error, "Incomplete": Incomplete,
    }
