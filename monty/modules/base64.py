"""`base64` for sandbox code: CPython's encoders and decoders, the size of each result checked
before it is built."""

import base64 as _b
import binascii as _ba

from .. import policy

NAME = "base64"
EXCEPTIONS = (_ba.Error, _ba.Incomplete)

_FUNCS = ("b64encode", "b64decode", "standard_b64encode", "standard_b64decode",
          "urlsafe_b64encode", "urlsafe_b64decode", "b32encode", "b32decode", "b32hexencode",
          "b32hexdecode", "b16encode", "b16decode", "a85encode", "a85decode", "b85encode",
          "b85decode")


def _true_len(s):
    """The size of the data CPython's C code will read (a subclass's own __len__ could say
    anything)."""
    if isinstance(s, str):
        return str.__len__(s)
    try:
        with memoryview(s) as view:
            return view.nbytes
    except TypeError:
        return 0


def _sized(func):
    def wrapper(s, *args, **kwargs):
        n = _true_len(s)
        # no encoding grows its input more than 2.5x (a85 with wrapcol=1), plus padding
        policy.check_alloc(3 * n + 64)
        return func(s, *args, **kwargs)
    wrapper.__name__ = wrapper.__qualname__ = func.__name__
    return wrapper


def build(vm):
    names = {name: _sized(getattr(_b, name)) for name in _FUNCS if hasattr(_b, name)}
    names["Error"] = _ba.Error
    return names
