"""Limits as one concept: the `Limits` a host gives a Sandbox, and the one table that maps each
limit kind to its `Limits` field, the core's code for it, the error the host gets and that
error's message.

A limit fires inside the VM as `_core.LimitExceeded(code, reached)`: `code` is one of the
core's `LimitCode` values (the only place the codes are written) and `reached` the figure the
VM measured when it fired, or -1 when it has none. `limit_error` turns it into the host's
`MontyLimitError`, through `KINDS` alone.
"""

import dataclasses
import typing
from typing import NamedTuple, Optional

from . import _core

_LC = _core.LimitCode     # the codes, written once in the core (_vm.pxi)
from .errors import (
    MontyAllocationLimitError,
    MontyHostCallLimitError,
    MontyMemoryLimitError,
    MontyTimeLimitError,
)

__all__ = ["Limits", "FIELDS", "LimitKind", "KINDS", "limit_error"]

_MiB = 1 << 20


@dataclasses.dataclass(frozen=True)
class Limits:
    """Resource caps for one sandbox; None means no cap. Immutable: derive another with
    `limits.replace(max_duration=1.0)` (or `dataclasses.replace`) and give it to the Sandbox
    (`sb.limits = ...`), which reads it when its next run starts."""

    max_duration: Optional[float] = 5.0             # seconds of sandbox execution
    max_memory: Optional[int] = 256 * 1024 * 1024   # bytes of live sandbox data
    max_allocations: Optional[int] = None           # allocations per run
    max_recursion_depth: Optional[int] = 1000       # sandbox frames (None: 100,000)
    max_wall_time: Optional[float] = None           # seconds from the start, host time included
    max_host_calls: Optional[int] = None            # host function calls per run
    max_output: Optional[int] = 1 << 20             # bytes printed per run; then cut, run goes on

    def __post_init__(self):
        for name, accepts, zero_ok in _CHECKS:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, accepts):
                raise TypeError(f"Limits.{name} must be a number or None, not {type(value).__name__}")
            if value < 0 or (value == 0 and not zero_ok):
                raise ValueError(f"Limits.{name} must be positive")
        if self.max_recursion_depth is None:
            object.__setattr__(self, "max_recursion_depth", 100_000)

    def replace(self, **changes):
        """A copy of these limits with `changes` (keyword names as for the constructor)."""
        return dataclasses.replace(self, **changes)


FIELDS = tuple((f.name, next(t for t in typing.get_args(f.type) if t is not type(None)))
               for f in dataclasses.fields(Limits))
"""(name, int or float) of each Limits field, in order: what the CLI and integrations offer."""
_CHECKS = tuple((name, (int, float) if kind is float else (kind,),
                 name in ("max_host_calls", "max_output"))      # (0: none at all)
                for name, kind in FIELDS)


def _bytes_text(n):
    return f"{n >> 20} MiB" if n >= _MiB and n % _MiB == 0 else f"{n} bytes"


def _about_bytes(n, limit):
    """`n` bytes in the unit the limit `limit` is written in."""
    if not (limit >= _MiB and limit % _MiB == 0):
        return f"{n} bytes"
    return f"{n / _MiB:.0f} MiB" if n >= 10 * _MiB else f"{n / _MiB:.1f} MiB"


class LimitKind(NamedTuple):
    code: int           # the core's LimitCode, carried by the LimitExceeded that unwinds the run
    field: str          # the Limits field that sets the cap
    error: type         # the MontyLimitError subclass the host gets
    message: str        # str(error): {limit} is the cap, {reached} the figure the VM measured
    reached: str = ""   # the message's tail when the figure is known
    unit: object = str  # the cap as text


KINDS = (
    LimitKind(_LC.LIMIT_TIME, "max_duration", MontyTimeLimitError,
              "time limit of {limit} s exceeded"),
    LimitKind(_LC.LIMIT_TIME, "max_wall_time", MontyTimeLimitError,
              "wall time limit of {limit} s exceeded"),
    LimitKind(_LC.LIMIT_MEMORY, "max_memory", MontyMemoryLimitError,
              "memory limit of {limit} exceeded", " (about {reached} live)", _bytes_text),
    LimitKind(_LC.LIMIT_ALLOCATIONS, "max_allocations", MontyAllocationLimitError,
              "allocation limit of {limit} exceeded"),
    LimitKind(_LC.LIMIT_HOST_CALLS, "max_host_calls", MontyHostCallLimitError,
              "host call limit of {limit} exceeded"),
)
_BY_CODE = {}
for _kind in KINDS:
    _BY_CODE.setdefault(_kind.code, _kind)      # (time: max_duration first, see limit_error)
del _kind
_WALL = KINDS[1]


def limit_error(e, limits, vm=None):
    """The MontyLimitError for the core's LimitExceeded `e` under `limits`."""
    args = e.args
    code = args[0] if args else _LC.LIMIT_TIME
    reached = args[1] if len(args) > 1 else -1
    kind = _BY_CODE.get(code, _BY_CODE[_LC.LIMIT_TIME])
    if code == _LC.LIMIT_TIME and limits.max_wall_time is not None and (
            limits.max_duration is None
            or (vm is not None and vm.wall_deadline and vm.deadline >= vm.wall_deadline - 1e-3)):
        kind = _WALL        # the deadline that passed was max_wall_time's
    limit = getattr(limits, kind.field)
    text = kind.message.format(limit=kind.unit(limit))
    if kind.reached and type(reached) is int and reached >= 0:
        text += kind.reached.format(reached=_about_bytes(reached, limit))
    return kind.error(text)
