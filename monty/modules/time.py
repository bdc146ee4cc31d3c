"""`time` for sandbox code: clocks, and a sleep that never outlasts the sandbox's time limit.

sleep() waits in short slices and checks the running sandbox's limits after each one, so a
sleep longer than the remaining time ends with the time-limit error at the deadline.
"""

import time as _t

NAME = "time"

_SLICE = 0.01     # seconds between limit checks while sleeping


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
        "sleep": sleep,
    }
