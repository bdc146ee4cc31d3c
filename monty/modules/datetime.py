"""`datetime` for sandbox code: CPython's date, time, datetime, timedelta, timezone and tzinfo.

Their public methods and attributes are reachable; nothing else is. `now()`/`today()` read the
host's clock, and naive local-time conversions use the host's time zone, as in CPython.
"""

import datetime as _dt
import time as _time

NAME = "datetime"

_CLASSES = (_dt.date, _dt.time, _dt.datetime, _dt.timedelta, _dt.timezone, _dt.tzinfo)

# Every public name of these classes is pure computation on the values (plus the host's clock
# and time zone for now()/today()/fromtimestamp()/astimezone()), so all are exposed.
_SKIP = frozenset()


def _tables():
    methods, attributes = {}, {}
    for cls in _CLASSES:
        table, readable = {}, set()
        for klass in reversed(cls.__mro__):
            if klass is object:
                continue
            for name, value in vars(klass).items():
                if name.startswith("_") or name in _SKIP:
                    continue
                kind = type(value).__name__
                if kind == "classmethod_descriptor":
                    table[name] = getattr(cls, name)       # bound to the class
                elif kind == "method_descriptor":
                    table[name] = value
                elif kind in ("getset_descriptor", "member_descriptor"):
                    readable.add(name)
                elif isinstance(value, _CLASSES):
                    table[name] = getattr(cls, name)      # min, max, resolution, utc
        methods[cls] = table
        attributes[cls] = tuple(sorted(readable))
    return methods, attributes


METHODS, ATTRIBUTES = _tables()
ATTRIBUTES[_time.struct_time] = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                                 "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff")
_iso = type(_dt.date(2000, 1, 1).isocalendar())
ATTRIBUTES[_iso] = ("year", "week", "weekday")
TYPES = _CLASSES


def build(vm):
    return {
        "date": _dt.date, "time": _dt.time, "datetime": _dt.datetime,
        "timedelta": _dt.timedelta, "timezone": _dt.timezone, "tzinfo": _dt.tzinfo,
        "MINYEAR": _dt.MINYEAR, "MAXYEAR": _dt.MAXYEAR, "UTC": _dt.timezone.utc,
    }


# snapshots: CPython's own pickle state (validated by its constructors on load); an aware value's
# tzinfo must be a fixed-offset timezone (or the zoneinfo module's ZoneInfo, by key)
def _dump_tz(tz):
    if tz is None:
        return None
    if type(tz) is _dt.timezone:
        off = tz.utcoffset(None)
        name = tz.tzname(None)
        default = _dt.timezone(off).tzname(None)
        return ["tz", off.days * 86400 + off.seconds, off.microseconds,
                None if name == default else name]
    key = getattr(tz, "key", None)
    if type(key) is str and type(tz).__name__ == "ZoneInfo":
        return ["zi", key]
    raise TypeError(f"a tzinfo of type {type(tz).__name__!r}")


def _load_tz(data):
    if data is None:
        return None
    if type(data) is list and len(data) == 4 and data[0] == "tz" and type(data[1]) is int \
            and type(data[2]) is int and (data[3] is None or type(data[3]) is str):
        off = _dt.timedelta(seconds=data[1], microseconds=data[2])
        return _dt.timezone(off) if data[3] is None else _dt.timezone(off, data[3])
    if type(data) is list and len(data) == 2 and data[0] == "zi" and type(data[1]) is str:
        from . import zoneinfo
        return zoneinfo.ZoneInfo(data[1])
    raise ValueError("bad tzinfo")


def _dump_state_value(v):
    state = v.__reduce__()[1]
    return [state[0], _dump_tz(state[1]) if len(state) > 1 else None]


def _loader(cls):
    def load(data):
        if type(data) is not list or len(data) != 2 or type(data[0]) is not bytes:
            raise ValueError(f"bad {cls.__name__}")
        tz = _load_tz(data[1])
        return cls(data[0]) if tz is None else cls(data[0], tz)
    return load


def _load_timedelta(data):
    if type(data) is not list or len(data) != 3 or not all(type(x) is int for x in data):
        raise ValueError("bad timedelta")
    return _dt.timedelta(data[0], data[1], data[2])


def _load_timezone(data):
    tz = _load_tz(data)
    if type(tz) is not _dt.timezone:
        raise ValueError("bad timezone")
    return tz


SNAPSHOT = {
    _dt.date: (_dump_state_value, _loader(_dt.date)),
    _dt.datetime: (_dump_state_value, _loader(_dt.datetime)),
    _dt.time: (_dump_state_value, _loader(_dt.time)),
    _dt.timedelta: (lambda v: [v.days, v.seconds, v.microseconds], _load_timedelta),
    _dt.timezone: (_dump_tz, _load_timezone),
}
