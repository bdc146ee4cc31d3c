"""`time` for sandbox code: clocks, a sleep that never outlasts the sandbox's time limit, and
CPython's calendar conversions (gmtime, localtime, mktime, strftime, strptime, asctime, ctime;
local time is the host's time zone, as in CPython).

sleep() waits in short slices and checks the running sandbox's limits after each one, so a
sleep longer than the remaining time ends with the time-limit error at the deadline.
"""

import time as _t

NAME = "time"

_SLICE = 0.01     # seconds between limit checks while sleeping


_MAX_FORMAT = 4096


def _check_format(fmt):
    """strftime's result grows with its format (each directive a few dozen characters)."""
    if isinstance(fmt, str):
        fmt = str.__str__(fmt)
        if len(fmt) > _MAX_FORMAT:
            raise ValueError(f"strftime formats longer than {_MAX_FORMAT} characters are not "
                             f"supported in the sandbox")
        from ._support import charge, need
        need(len(fmt) * 64 + 64)
        charge(len(fmt) * 20)       # (~2 us a character on this machine, locale expansions)
    return fmt


def strftime(format, t=None, /):
    format = _check_format(format)
    if t is None:
        return _t.strftime(format)
    return _t.strftime(format, t)


def strptime(string, format="%a %b %d %H:%M:%S %Y", /):
    if isinstance(string, str) and len(str.__str__(string)) > _MAX_FORMAT or \
            isinstance(format, str) and len(str.__str__(format)) > _MAX_FORMAT:
        raise ValueError("strptime arguments longer than 4096 characters are not supported in "
                         "the sandbox")
    return _t.strptime(string, format)


ATTRIBUTES = {_t.struct_time: ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                               "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
                               "n_fields", "n_sequence_fields", "n_unnamed_fields")}
METHODS = {_t.struct_time: {"count": tuple.count, "index": tuple.index}}
TYPES = (_t.struct_time,)


def _load_struct_time(data):
    if type(data) is not list or len(data) != 11 or not all(
            type(v) is int for v in data[:9]) or not (data[9] is None or type(data[9]) is str) \
            or not (data[10] is None or type(data[10]) is int):
        raise ValueError("bad struct_time")
    return _t.struct_time(data[:9], {"tm_zone": data[9], "tm_gmtoff": data[10]})


SNAPSHOT = {_t.struct_time: (lambda v: list(v) + [v.tm_zone, v.tm_gmtoff], _load_struct_time)}


def _charge(n):
    from monty import _core
    _core.charge(n)


def build(vm):
    def sleep(secs, /):
        if isinstance(secs, bool) or not isinstance(secs, (int, float)):
            if hasattr(type(secs), "__float__") and not isinstance(secs, str):
                secs = float(secs)
            else:
                raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        if secs < 0:
            raise ValueError("sleep length must be non-negative")
        end = _t.perf_counter() + secs
        while True:
            now = _t.perf_counter()
            if now >= end:
                break
            wait = min(end - now, _SLICE)
            deadline = vm.deadline
            if deadline:
                # wake right after the deadline rather than a slice later
                wait = min(wait, max(deadline - now, 0.0) + 0.001)
            _t.sleep(wait)
            _charge(1 << 20)      # forces the limit check (the deadline among them)
        return None

    return {
        "time": _t.time, "time_ns": _t.time_ns, "monotonic": _t.monotonic,
        "monotonic_ns": _t.monotonic_ns, "perf_counter": _t.perf_counter,
        "perf_counter_ns": _t.perf_counter_ns, "process_time": _t.process_time,
        "sleep": sleep, "gmtime": _t.gmtime, "localtime": _t.localtime, "mktime": _t.mktime,
        "asctime": _t.asctime, "ctime": _t.ctime, "strftime": strftime, "strptime": strptime,
        "struct_time": _t.struct_time, "timezone": _t.timezone, "altzone": _t.altzone,
        "daylight": _t.daylight, "tzname": tuple(_t.tzname),
    }
