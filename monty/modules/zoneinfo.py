"""`zoneinfo` for sandbox code: IANA time zones as CPython's ZoneInfo, from zone data this module
reads once, in host code, when it is first imported (the system's zoneinfo directory, else the
`tzdata` package): a bounded set of TZif files held as bytes. Sandbox code never opens a file:
ZoneInfo(key) builds the zone from those bytes, and an unknown key is ZoneInfoNotFoundError.
Zones are cached per process (ZoneInfo(key) is ZoneInfo(key), as in CPython) and read-only."""

import io as _io
import os as _os
import threading as _threading
import zoneinfo as _zi
from zoneinfo import _tzpath

NAME = "zoneinfo"
ZoneInfoNotFoundError = _zi.ZoneInfoNotFoundError
EXCEPTIONS = (ZoneInfoNotFoundError,)

_MAX_FILES = 4000
_MAX_FILE_BYTES = 1 << 18
_MAX_TOTAL_BYTES = 16 << 20
_SKIP_DIRS = frozenset(("posix", "right"))

_DATA = None
_LOCK = _threading.Lock()


def _valid_key(key):
    parts = key.split("/")
    return all(p and p not in (".", "..") and p.replace("-", "").replace("_", "").replace(
        "+", "").isalnum() for p in parts) and len(key) < 128


def _read_dir(root, out, budget):
    for dirpath, dirnames, filenames in _os.walk(root):
        rel = _os.path.relpath(dirpath, root)
        dirnames[:] = sorted(d for d in dirnames if not (rel == "." and d in _SKIP_DIRS))
        for name in sorted(filenames):
            if len(out) >= _MAX_FILES:
                return budget
            path = _os.path.join(dirpath, name)
            key = name if rel == "." else f"{rel}/{name}".replace(_os.sep, "/")
            if not _valid_key(key) or _os.path.islink(path) and not _os.path.exists(path):
                continue
            try:
                size = _os.path.getsize(path)
                if size > _MAX_FILE_BYTES or size > budget:
                    continue
                with open(path, "rb") as fh:
                    data = fh.read(_MAX_FILE_BYTES + 1)
            except OSError:
                continue
            if data[:4] != b"TZif" or len(data) > _MAX_FILE_BYTES:
                continue
            out[key] = data
            budget -= len(data)
    return budget


def _load_data():
    """{key: TZif bytes}, read once per process."""
    global _DATA
    if _DATA is not None:
        return _DATA
    with _LOCK:
        if _DATA is None:
            out = {}
            budget = _MAX_TOTAL_BYTES
            for root in ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo",
                         "/etc/zoneinfo"):
                if _os.path.isdir(root):
                    budget = _read_dir(root, out, budget)
                    if out:
                        break
            if not out:
                try:
                    import tzdata
                    root = _os.path.join(_os.path.dirname(tzdata.__file__), "zoneinfo")
                    if _os.path.isdir(root):
                        _read_dir(root, out, budget)
                except ImportError:
                    pass
            _DATA = out
    return _DATA


_CACHE = {}


class ZoneInfo(_zi.ZoneInfo):
    """An IANA time zone (zoneinfo.ZoneInfo), built from the module's zone data."""

    __module__ = "zoneinfo"

    def __new__(cls, key):
        if not isinstance(key, str):
            raise TypeError(f"expected str, bytes or os.PathLike object, not {type(key).__name__}")
        key = str.__str__(key)
        zone = _CACHE.get(key)
        if zone is not None:
            return zone
        zone = _build(key)
        with _LOCK:
            return _CACHE.setdefault(key, zone)

    @classmethod
    def no_cache(cls, key):
        if not isinstance(key, str):
            raise TypeError(f"expected str, bytes or os.PathLike object, not {type(key).__name__}")
        return _build(str.__str__(key))

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        return None

    def __reduce__(self):
        return (ZoneInfo, (self.key,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


ZoneInfo.__qualname__ = "ZoneInfo"


def _build(key):
    _tzpath._validate_tzfile_path(key)        # (string checks only: CPython's ValueErrors)
    data = _load_data().get(key)
    if data is None:
        raise ZoneInfoNotFoundError(f"No time zone found with key {key}")
    return ZoneInfo.from_file(_io.BytesIO(data), key=key)


def available_timezones():
    return set(_load_data())


def _load_zone(data):
    if type(data) is not str:
        raise ValueError("bad zone key")
    return ZoneInfo(data)


TYPES = (ZoneInfo,)
METHODS = {ZoneInfo: {"utcoffset": _zi.ZoneInfo.utcoffset, "dst": _zi.ZoneInfo.dst,
                      "tzname": _zi.ZoneInfo.tzname, "fromutc": _zi.ZoneInfo.fromutc,
                      "no_cache": ZoneInfo.no_cache, "clear_cache": ZoneInfo.clear_cache}}
ATTRIBUTES = {ZoneInfo: ("key",)}
SNAPSHOT = {ZoneInfo: (lambda z: z.key, _load_zone)}
TP_NAMES = {ZoneInfo: "zoneinfo.ZoneInfo"}


def build(vm):
    return {"ZoneInfo": ZoneInfo, "ZoneInfoNotFoundError": ZoneInfoNotFoundError,
            "available_timezones": available_timezones, "TZPATH": ()}
