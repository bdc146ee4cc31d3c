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
