"""`hashlib` for sandbox code: CPython's hashes with the hash objects' public methods and
attributes; shake_* output lengths are checked before the digest is built, and pbkdf2_hmac's
iterations are costed against the time limit before it runs."""

import _hashlib
import hashlib as _h

NAME = "hashlib"
EXCEPTIONS = (_hashlib.UnsupportedDigestmodError,)

_ALGORITHMS = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "blake2s",
               "sha3_224", "sha3_256", "sha3_384", "sha3_512")

_HASH_TYPES = tuple({type(getattr(_h, name)()) for name in _ALGORITHMS})

METHODS = {tp: {name: getattr(tp, name) for name in ("update", "digest", "hexdigest", "copy")}
           for tp in _HASH_TYPES}
ATTRIBUTES = {tp: ("name", "digest_size", "block_size") for tp in _HASH_TYPES}


_CONSTRUCTORS = {name: getattr(_h, name) for name in _ALGORITHMS}


def new(name, data=b"", **kwargs):
    if not isinstance(name, str):
        raise TypeError(f"new() argument 'name' must be str, not {type(name).__name__}")
    # one lowering of the exact text (a str subclass's own lower() could answer the check
    # and the lookup differently), and the constructor from the fixed table
    key = str.lower(str.__str__(name))
    if key not in _CONSTRUCTORS:
        raise ValueError(f"unsupported hash type {str.__str__(name)}")
    return _CONSTRUCTORS[key](data, **kwargs)


from ._support import charge, need

_SHAKES = ("shake_128", "shake_256")
_SHAKE_TYPES = tuple({type(getattr(_h, name)()) for name in _SHAKES})
_MAX_DIGEST = 1 << 24


def _length(n):
    if isinstance(n, int) and not isinstance(n, bool):
        n = int.__index__(n)
        if n > _MAX_DIGEST:
            raise ValueError(f"digest lengths above {_MAX_DIGEST} are not supported in the sandbox")
        if n > 0:
            need(2 * n + 64)
            charge(n // 2)        # (~60 ns a byte with the hex text and the copy out)
    return n


def _shake_digest(h, length):
    return type(h).digest(h, _length(length))


def _shake_hexdigest(h, length):
    return type(h).hexdigest(h, _length(length))


for _tp in _SHAKE_TYPES:
    METHODS[_tp] = {"update": _tp.update, "copy": _tp.copy, "digest": _shake_digest,
                    "hexdigest": _shake_hexdigest}
    ATTRIBUTES[_tp] = ("name", "digest_size", "block_size")
    _CONSTRUCTORS.update({name: getattr(_h, name) for name in _SHAKES})

_PBKDF2_NS = 1200        # per iteration, pessimistic (sha512 ~0.6 us on this machine)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    if not isinstance(hash_name, str):
        raise TypeError(f"pbkdf2_hmac() argument 'hash_name' must be str, not "
                        f"{type(hash_name).__name__}")
    hash_name = str.__str__(hash_name)
    if isinstance(iterations, int) and not isinstance(iterations, bool):
        iterations = int.__index__(iterations)
    if isinstance(dklen, int) and not isinstance(dklen, bool):
        dklen = int.__index__(dklen)
        if dklen > _MAX_DIGEST:
            raise OverflowError("key length too large for the sandbox")
    if isinstance(iterations, int) and iterations > 0:
        blocks = 1 if dklen is None or dklen <= 64 else (dklen + 31) // 32
        charge(iterations * blocks * _PBKDF2_NS // 120 + 1)
    return _h.pbkdf2_hmac(hash_name, password, salt, iterations, dklen)


def build(vm):
    names = {name: getattr(_h, name) for name in _ALGORITHMS + _SHAKES}
    names["pbkdf2_hmac"] = pbkdf2_hmac
    names["new"] = new
    names["algorithms_guaranteed"] = frozenset(_ALGORITHMS + _SHAKES)
    names["algorithms_available"] = frozenset(_ALGORITHMS + _SHAKES)
    return names
