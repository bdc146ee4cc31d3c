"""monty: run untrusted Python in-process, safely, with hard limits."""

import threading as _threading
import time as _time

from . import _core, _hostasync
from .compiler import CodeCache
from .modules import asyncio as _asyncio
from .errors import (
    MontyAllocationLimitError,
    MontyError,
    MontyLimitError,
    MontyMemoryLimitError,
    MontyRuntimeError,
    MontySyntaxError,
    MontyTimeLimitError,
    MontyTypeError,
)

__version__ = "0.1.0"
__all__ = [
    "Sandbox", "Call", "Done", "Pending", "load", "Limits", "MontyError", "MontySyntaxError",
    "MontyRuntimeError", "MontyLimitError", "MontyTimeLimitError", "MontyMemoryLimitError",
    "MontyAllocationLimitError", "MontyTypeError",
]

_code_cache = CodeCache(_core.Code)
_BUILTINS = _core.make_builtins()


class Limits:
    """Resource caps for one sandbox; None means no cap."""

    __slots__ = ("max_duration", "max_memory", "max_allocations", "max_recursion_depth")

    def __init__(self, max_duration=5.0, max_memory=256 * 1024 * 1024, max_allocations=None,
                 max_recursion_depth=1000):
        for name, value, kinds in (("max_duration", max_duration, (int, float)),
                                   ("max_memory", max_memory, (int,)),
                                   ("max_allocations", max_allocations, (int,)),
                                   ("max_recursion_depth", max_recursion_depth, (int,))):
            if value is not None and (isinstance(value, bool) or not isinstance(value, kinds)):
                raise TypeError(f"Limits.{name} must be a number or None, not {type(value).__name__}")
            if value is not None and value <= 0:
                raise ValueError(f"Limits.{name} must be positive")
        self.max_duration = max_duration
        self.max_memory = max_memory
        self.max_allocations = max_allocations
        self.max_recursion_depth = max_recursion_depth if max_recursion_depth is not None else 100_000

    def __repr__(self):
        return (f"Limits(max_duration={self.max_duration!r}, max_memory={self.max_memory!r}, "
                f"max_allocations={self.max_allocations!r}, "
                f"max_recursion_depth={self.max_recursion_depth!r})")


def _check_name(kind, name):
    if not isinstance(name, str) or not name.isidentifier():
        raise TypeError(f"{kind} names must be identifiers (str), got {name!r}")


class Sandbox:
    """An isolated interpreter whose globals persist across `run()` calls."""

    def __init__(self, functions=None, limits=None, print_callback=None):
        if functions is None:
            functions = {}
        if not isinstance(functions, dict):
            raise TypeError(f"functions must be a dict of name -> callable, not {type(functions).__name__}")
        if limits is None:
            limits = Limits()
        if not isinstance(limits, Limits):
            raise TypeError(f"limits must be a monty.Limits, not {type(limits).__name__}")
        if print_callback is not None and not callable(print_callback):
            raise TypeError("print_callback must be callable or None")
        self.limits = limits
        # held while sandbox code runs (run, start, resume, dump): a second entry, from a
        # host function, a callback or another thread, is refused before touching any state
        self._busy = _threading.Lock()
        self._pause_token = 0           # bumped on every start()/resume(): stale Calls refuse
        self._functions = {}
        self._vm = _core.VM(_BUILTINS, self._functions, limits.max_recursion_depth, print_callback)
        _core.limits_configure(self._vm, limits.max_memory, limits.max_allocations)
        for name, func in functions.items():
            _check_name("function", name)
            if func is not None and not callable(func):
                raise TypeError(f"host function {name!r} must be callable or None")
            self._functions[name] = func
            self._vm.set_global(name, _core.HostFunction(name, func))
        _hostasync.prewarm(self._functions)

    @property
    def print_callback(self):
        return self._vm.print_callback

    def run(self, code, inputs=None):
        """Run `code`; return the value of its last expression statement (else None)."""
        self._enter()
        try:
            linked = self._prepare(code, inputs)
            vm = self._vm
            vm.pause_mode = False
            self._pause_token += 1
            duration = self.limits.max_duration
            vm.deadline = _time.perf_counter() + duration if duration is not None else 0.0
            try:
                # (the result is converted to plain host data inside the run)
                return vm.run_module(linked)
            except _core.LimitExceeded as e:
                raise _limit_error(e, self.limits) from None
            except MontyError:
                raise
            except BaseException as e:
                if _core.vm_host_abort(vm):
                    raise   # the host's own KeyboardInterrupt / SystemExit, not the sandbox's
                raise _runtime_error(e, code, vm) from None
        finally:
            self._busy.release()

    def start(self, code, inputs=None):
        """Run `code` until it calls a host function: a `Call` paused there, or `Done`."""
        self._enter()
        try:
            return _snapshot.start(self, self._prepare(code, inputs), code)
        finally:
            self._busy.release()

    async def run_async(self, code, inputs=None):
        """`run()` on the caller's event loop: async host functions are awaited there (the
        calls the sandbox gathers run concurrently), sync ones are called directly, and
        cancelling the awaiting task stops the sandbox (the Sandbox stays usable)."""
        from . import _hostasync
        return await _hostasync.run_async(self, code, inputs)

    def dump(self, secret=None):
        """This idle sandbox (its globals: values, functions and classes its code defined,
        imported modules) as bytes; with `secret`, an HMAC-SHA256 tag is appended."""
        from . import _hostasync
        return _hostasync.dump_sandbox(self, secret)

    @staticmethod
    def load(data, functions=None, limits=None, print_callback=None, secret=None):
        """A new Sandbox from `Sandbox.dump()` bytes, with these host functions and limits;
        checked like `monty.load()` (with `secret`, a wrong or missing tag is refused)."""
        return _snapshot.load_sandbox(data, functions, limits, print_callback, secret)

    def _enter(self):
        if not self._busy.acquire(False):
            raise MontyError("this Sandbox is already running: run(), start(), resume() and "
                             "dump() cannot be called while its code runs (from a host function, "
                             "a callback or another thread)")

    def _prepare(self, code, inputs):
        if not isinstance(code, str):
            raise TypeError(f"code must be str, not {type(code).__name__}")
        compiled = _code_cache.get(code)
        vm = self._vm
        linked = vm.link(compiled)
        if inputs:
            if not isinstance(inputs, dict):
                raise TypeError(f"inputs must be a dict, not {type(inputs).__name__}")
            values = {}
            for name, value in inputs.items():
                _check_name("input", name)
                values[name] = _core.to_sandbox(value, vm)
            for name, value in values.items():
                vm.set_global(name, value)
            linked = vm.link(compiled)
        _core.limits_release(vm)
        _asyncio.reset(vm)
        return linked


def _limit_error(e, limits):
    kind = e.args[0] if e.args else "time"
    if kind == "time":
        return MontyTimeLimitError(f"time limit of {limits.max_duration} s exceeded")
    if kind == "memory":
        return MontyMemoryLimitError(f"memory limit of {limits.max_memory} bytes exceeded")
    return MontyAllocationLimitError(f"allocation limit of {limits.max_allocations} exceeded")


def _runtime_error(exc, source, vm=None):
    """The MontyRuntimeError for a sandbox exception, from the report its run computed (no
    method of the exception or its arguments runs here, on the host)."""
    (exc_type, message, frames), chain = _core.vm_error_report(vm, exc)
    return MontyRuntimeError(exc_type, message, frames, source=source, chain=chain)


from . import snapshot as _snapshot  # noqa: E402  (needs the names above)
from .snapshot import Call, Done, Pending, load  # noqa: E402
