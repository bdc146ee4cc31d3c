"""`hashlib` for sandbox code: the fixed-size hashes (no shake_*: their output length is the
caller's choice), with the hash objects' public methods and attributes."""

import hashlib as _h

NAME = "hashlib"

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
    if key not in _ALGORITHMS:
        raise ValueError(f"unsupported hash type {str.__str__(name)}")
    return _CONSTRUCTORS[key](data, **kwargs)


def build(vm):
    names = {name: getattr(_h, name) for name in _ALGORITHMS}
    names["new"] = new
    names["algorithms_guaranteed"] = frozenset(_ALGORITHMS)
    names["algorithms_available"] = frozenset(_ALGORITHMS)
    return names
