"""The run machinery: `Sandbox`, which owns one VM and drives its runs (run, execute, start,
run_async), and the translation of what a run ended with into the host's errors."""

import threading as _threading
import time as _time

from . import _core, _hostasync, _hostmods
from . import mounts as _mounts
from . import snapshot as _snapshot
from ._shared import BUILTINS as _BUILTINS, code_cache as _code_cache
from .compiler import HIDDEN_FRAME as _HIDDEN_FRAME
from .errors import MontyError, MontyRuntimeError, MontySyntaxError
from .limits import Limits, limit_error as _limit_error
from .modules import asyncio as _asyncio
from .outcome import Outcome, Output as _Output


def _check_name(kind, name):
    if not isinstance(name, str) or not name.isidentifier():
        raise TypeError(f"{kind} names must be identifiers (str), got {name!r}")


class Sandbox:
    """An isolated interpreter whose globals persist across `run()` calls."""

    def __init__(self, functions=None, limits=None, print_callback=None, files=None,
                 environ=None, modules=None):
        if functions is None:
            functions = {}
        if not isinstance(functions, dict):
            raise TypeError(f"functions must be a dict of name -> callable, not {type(functions).__name__}")
        if limits is None:
            limits = Limits()
        _check_limits(limits)
        if print_callback is not None and not callable(print_callback):
            raise TypeError("print_callback must be callable or None")
        fs = _mounts.make_state(files, environ)     # files= MountDirs, environ= str -> str
        self._limits = limits
        # held while sandbox code runs (run, start, resume, dump): a second entry, from a
        # host function, a callback or another thread, is refused before touching any state
        self._busy = _threading.Lock()
        self._pause_token = 0           # bumped on every start()/resume(): stale Calls refuse
        self._functions = {}
        self._output = _Output(print_callback, limits.max_output)
        self._wall_start = 0.0          # when the running program started (max_wall_time)
        self._vm = _core.VM(_BUILTINS if fs is None or not fs.mounts else _mounts.builtins(),
                            self._functions, limits.max_recursion_depth, self._output)
        _mounts.install(self._vm, fs)
        self._run_limits = None         # the Limits the VM is set to: those of the last run
        self._read_limits()
        self._hosts = {}                # name -> the HostFunction sandbox code calls it by
        self._install_functions(functions)
        # modules={"tools": {"search": fn, "LIMIT": 10}}: importable host modules (see
        # monty/_hostmods.py: functions become host functions, data is copied per sandbox)
        self._modules = _hostmods.prepare(modules, self._vm)
        self._vm.host_modules = self._modules
        _hostasync.prewarm(self._modules.funcs)

    @property
    def limits(self):
        """The sandbox's Limits. Assigning another (`sb.limits = sb.limits.replace(...)`)
        takes effect when the next run starts; a run, and a program paused at a host call,
        keeps the limits it started with."""
        return self._limits

    @limits.setter
    def limits(self, limits):
        _check_limits(limits)
        self._limits = limits

    def _read_limits(self):
        """At the start of a run: the Limits it runs under, read once (every cap is set on the
        VM here; the clock and the errors read the same object for the whole program)."""
        limits = self._limits
        if limits is self._run_limits:
            return
        vm = self._vm
        if limits.max_recursion_depth != vm.host_max_depth:
            _core.vm_abandon(vm)
            vm.set_host_recursion_limit(limits.max_recursion_depth)
        _core.limits_configure(vm, limits.max_memory, limits.max_allocations)
        vm.max_host_calls = -1 if limits.max_host_calls is None else limits.max_host_calls
        self._output.set_limit(limits.max_output)
        self._run_limits = limits

    @property
    def print_callback(self):
        return self._output.callback

    def _install_functions(self, functions):
        for name, func in functions.items():
            _check_name("function", name)
            if func is not None and not callable(func):
                raise TypeError(f"host function {name!r} must be callable or None")
        for name, func in functions.items():
            self._functions[name] = func
            hf = self._hosts.get(name)
            if hf is None:
                self._hosts[name] = hf = _core.HostFunction(name, func)
            else:
                _core.host_function_replace(hf, func)   # (references kept follow the name)
            self._vm.set_global(name, hf)
        _hostasync.prewarm(self._functions)

    def set_functions(self, functions):
        """Replace the host functions (a dict of name -> callable, or None for a name only, as
        the constructor's `functions=`); the sandbox's globals are kept. A reference sandbox
        code kept to a host function (an alias, a list item) calls the function now given
        under its name; a name no longer given is unbound, and a kept reference to it raises
        RuntimeError when called."""
        if not isinstance(functions, dict):
            raise TypeError(f"functions must be a dict of name -> callable, not {type(functions).__name__}")
        for name, func in functions.items():
            _check_name("function", name)
            if func is not None and not callable(func):
                raise TypeError(f"host function {name!r} must be callable or None")
        self._enter()
        try:
            vm = self._vm
            for name, hf in list(self._hosts.items()):
                if name in functions:
                    continue
                _core.host_function_revoke(hf)
                del self._hosts[name]
                try:
                    bound = vm.get_global(name)
                except KeyError:
                    continue
                if bound is hf:
                    vm.del_global(name)
            self._functions.clear()
            self._install_functions(functions)
        finally:
            self._busy.release()

    def set_modules(self, modules):
        """Replace the host modules (a dict as the constructor's `modules=`); the sandbox's
        globals are kept. A module sandbox code already imported is updated in place (its
        functions and data as now given; a module no longer given is emptied); a reference
        kept to a host function follows its dotted name, as for set_functions()."""
        self._enter()
        try:
            old = self._modules
            new = _hostmods.prepare(modules, self._vm, old)
            for dotted, hf in old.hosts.items():
                if dotted not in new.hosts:
                    _core.host_function_revoke(hf)
            for name, module in old.built.items():
                if name in new.spec:
                    new.built[name] = module
                else:
                    module._attrs.clear()       # no longer given: an empty module
            for name, module in list(new.built.items()):
                new.fill(name, module, self._vm)
            self._modules = new
            self._vm.host_modules = new
            _hostasync.prewarm(new.funcs)
        finally:
            self._busy.release()

    def describe_functions(self):
        """Python stub text of the host functions: each one's signature (with annotations,
        under the name sandbox code calls it by) and docstring; then the host modules'
        functions and data, module by module."""
        from .capabilities import describe_functions
        parts = [describe_functions(self._functions), _hostmods.describe(self._modules)]
        return "\n\n".join(p for p in parts if p)

    def execute(self, code, inputs=None):
        """Run `code` like run(), but return a monty.Outcome instead of raising for what the
        sandbox did: its value (a monty.Opaque for a value that is not plain data), its
        printed text (stdout and stderr apart) and the MontyError it ended with, if any."""
        self._enter()
        output = self._output
        output.buffers = buffers = ([], [])
        value = error = None
        try:
            try:
                linked = self._prepare(code, inputs)
            except MontySyntaxError as e:
                error = e
            else:
                try:
                    value = self._run_linked(linked, code, True)
                except MontyError as e:
                    error = e
        finally:
            output.buffers = None
            self._busy.release()
        return Outcome(value, "".join(buffers[0]), "".join(buffers[1]), error)

    def run(self, code, inputs=None):
        """Run `code`; return the value of its last expression statement (else None)."""
        self._enter()
        try:
            return self._run_linked(self._prepare(code, inputs), code, False)
        finally:
            self._busy.release()

    def _run_linked(self, linked, code, opaque):
        vm = self._vm
        vm.pause_mode = False
        self._pause_token += 1
        self._arm_clock(0.0)
        # (the result is converted to plain host data inside the run; with `opaque`, a
        # value that is not plain data comes out as a monty.Opaque built there too)
        return self._step(vm.run_module, code, linked, opaque)

    def _step(self, step, source, *args):
        """One step of a run: `step(*args)` runs the VM (run(); start() and each resume; each
        turn of run_async); a limit it hit, or a sandbox exception that escaped it, becomes
        the host's MontyError."""
        vm = self._vm
        try:
            return step(*args)
        except _core.LimitExceeded as e:
            raise _limit_error(e, self._run_limits, vm) from None
        except MontyError:
            raise
        except BaseException as e:
            if _core.vm_host_abort(vm):
                raise   # the host's own KeyboardInterrupt / SystemExit, not the sandbox's
            raise _runtime_error(e, source, vm) from None

    def _arm_clock(self, elapsed, first=True):
        """Set the run's deadline: max_duration less the `elapsed` sandbox time of earlier
        steps, and never past max_wall_time from the program's start (host time included)."""
        vm = self._vm
        now = _time.perf_counter()
        limits = self._run_limits
        if first or not self._wall_start:
            self._wall_start = now
        duration = limits.max_duration
        deadline = now + (duration - elapsed) if duration is not None else 0.0
        wall = limits.max_wall_time
        if wall is not None:
            vm.wall_deadline = self._wall_start + wall
            if not deadline or deadline > vm.wall_deadline:
                deadline = vm.wall_deadline
        else:
            vm.wall_deadline = 0.0
        vm.deadline = deadline

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
    def load(data, functions=None, limits=None, print_callback=None, secret=None, files=None,
             environ=None, modules=None):
        """A new Sandbox from `Sandbox.dump()` bytes, with these host functions, host modules,
        limits, mounts and environment; checked like `monty.load()` (with `secret`, a wrong or
        missing tag is refused)."""
        return _snapshot.load_sandbox(data, functions, limits, print_callback, secret,
                                      files=files, environ=environ, modules=modules)

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
        self._read_limits()
        _asyncio.reset(vm)
        if vm.module_state is not None:
            from .modules import _loops
            _loops.reset(vm)
        self._output.reset()
        vm.host_calls = 0
        return linked


def _check_limits(limits):
    if not isinstance(limits, Limits):
        raise TypeError(f"limits must be a monty.Limits, not {type(limits).__name__}")


def _runtime_error(exc, source, vm=None):
    """The MontyRuntimeError for a sandbox exception, from the report its run computed (no
    method of the exception or its arguments runs here, on the host)."""
    (exc_type, message, frames, positions), chain = _core.vm_error_report(vm, exc)
    if positions is not None:       # frames of sandbox modules and wrappers are not shown
        shown = [i for i, p in enumerate(positions) if p != _HIDDEN_FRAME]
        frames, positions = [frames[i] for i in shown], [positions[i] for i in shown]
    return MontyRuntimeError(exc_type, message, frames, source=source, chain=chain,
                             positions=positions)
