"""`hmac` for sandbox code: CPython's HMAC over the hashes monty's hashlib has (digestmod is
one of their names or constructors: no other callable runs from the host's hmac code)."""

import hashlib as _h
import hmac as _hmac

from ._support import charge
from .hashlib import _ALGORITHMS, _CONSTRUCTORS

NAME = "hmac"

_BY_FUNC = {id(f): name for name, f in _CONSTRUCTORS.items() if name in _ALGORITHMS}


def _digestmod(digestmod):
    if digestmod is None or digestmod == "":
        raise TypeError("Missing required parameter 'digestmod'.")
    if isinstance(digestmod, str):
        key = str.lower(str.__str__(digestmod))
        if key not in _ALGORITHMS:
            raise ValueError(f"unsupported hash type {str.__str__(digestmod)}")
        return key
    name = _BY_FUNC.get(id(digestmod))
    if name is not None and _CONSTRUCTORS[name] is digestmod:
        return name
    raise TypeError("digestmod must be the name of a hash or a hashlib constructor in the "
                    "sandbox")


def _data_len(data):
    try:
        return memoryview(data).nbytes
    except TypeError:
        return 0


def new(key, msg=None, digestmod=""):
    name = _digestmod(digestmod)
    charge((_data_len(key) + (_data_len(msg) if msg is not None else 0)) // 24)
    return _hmac.new(key, msg, name)


def digest(key, msg, digest):
    name = _digestmod(digest)
    charge((_data_len(key) + _data_len(msg)) // 24)
    return _hmac.digest(key, msg, name)


def _update(self, msg):
    charge(_data_len(msg) // 24)
    return _hmac.HMAC.update(self, msg)


METHODS = {_hmac.HMAC: {"update": _update, "digest": _hmac.HMAC.digest,
                        "hexdigest": _hmac.HMAC.hexdigest, "copy": _hmac.HMAC.copy}}
ATTRIBUTES = {_hmac.HMAC: ("name", "digest_size", "block_size")}


def build(vm):
    return {"new": new, "digest": digest, "compare_digest": _hmac.compare_digest,
            "HMAC": new, "digest_size": None}
