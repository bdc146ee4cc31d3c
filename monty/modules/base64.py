"""`base64` for sandbox code: CPython's encoders and decoders, the memory and time of each call
checked from the size of its input before it runs.

Several of CPython's codecs are written in Python (b32, a85, b85): they take hundreds of
nanoseconds a byte and build lists of ints along the way (a85encode with wrapcol=1 peaks at
about 114 bytes of memory per byte of input), so each function has its own measured cost and
peak-memory factor. Text and bytes arguments reach CPython as exact `str`/`bytes` (a
subclass's `encode`, `__len__` or `__add__` never runs on the host, nor swaps in other data)."""

import base64 as _b
import binascii as _ba

from .. import policy

NAME = "base64"
EXCEPTIONS = (_ba.Error, _ba.Incomplete)

# name: (peak bytes of memory per input byte, pessimistic ns per input byte), measured on
# CPython 3.11 x86-64 (worst over random, zero and space data and every option), about doubled
_COSTS = {
    "b64encode": (3, 8), "b64decode": (3, 12),
    "standard_b64encode": (3, 12), "standard_b64decode": (3, 50),
    "urlsafe_b64encode": (4, 80), "urlsafe_b64decode": (3, 70),
    "b32encode": (6, 1200), "b32hexencode": (6, 1200),
    "b32decode": (4, 1000), "b32hexdecode": (4, 1000),
    "b16encode": (5, 12), "b16decode": (3, 80),
    "a85encode": (128, 2400), "a85decode": (104, 2000),
    "b85encode": (52, 900), "b85decode": (32, 1000),
}
_STEP_NS = 120          # the VM's unit of native work (policy.precheck_steps)


def _exact(s):
    """`s` as CPython's code would read it, without running anything of a subclass."""
    t = type(s)
    if t is str or t is bytes or t is bytearray:
        return s
    if isinstance(s, str):
        return str.__str__(s)
    if isinstance(s, (bytes, bytearray)):
        return bytes(memoryview(s))
    return s


def _true_len(s):
    if type(s) is str:
        return len(s)
    try:
        with memoryview(s) as view:
            return view.nbytes
    except TypeError:
        return 0


def _sized(func, factor, ns):
    def wrapper(s, *args, **kwargs):
        s = _exact(s)
        args = tuple(_exact(a) for a in args)
        kwargs = {k: _exact(v) for k, v in kwargs.items()}
        n = _true_len(s)
        policy.check_alloc(factor * n + 64)
        policy.precheck_steps(n * ns // _STEP_NS + 1)
        return func(s, *args, **kwargs)
    wrapper.__name__ = wrapper.__qualname__ = func.__name__
    return wrapper


def build(vm):
    names = {name: _sized(getattr(_b, name), *cost) for name, cost in _COSTS.items()
             if hasattr(_b, name)}
    names["Error"] = _ba.Error
    return names
