"""Running an async host function's awaitable to its end from synchronous code."""

import asyncio
import threading

_local = threading.local()


def loop_free():
    """Whether this thread runs no event loop (the sandbox may then run host coroutines on
    a private one, all awaited ones at once)."""
    return asyncio._get_running_loop() is None


def _private_loop():
    loop = getattr(_local, "loop", None)
    if loop is None or loop.is_closed():
        loop = _local.loop = asyncio.new_event_loop()
    return loop


def wait_first(items, started):
    """Run the host coroutines of `items` ((key, coroutine, task or None)) on the private
    loop until at least one has finished; [(key, task)] of those that have."""
    loop = _private_loop()
    tasks = {}
    for key, coro, task in items:
        if task is None:
            task = loop.create_task(_as_coroutine(coro))
            started(key, task)
        tasks[task] = key
    done, _ = loop.run_until_complete(
        asyncio.wait(list(tasks), return_when=asyncio.FIRST_COMPLETED))
    return [(tasks[t], t) for t in done]


def run_awaitable(aw):
    """The result of `aw`: on this thread's private event loop, or, when the host is itself
    inside a running event loop (run() called from async code), on a helper thread's loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _private_loop().run_until_complete(_as_coroutine(aw))
    result = []

    def target():
        try:
            result.append((True, asyncio.run(_as_coroutine(aw))))
        except BaseException as e:  # handed back to the calling thread
            result.append((False, e))

    t = threading.Thread(target=target, name="monty-host-await")
    t.start()
    t.join()
    ok, value = result[0]
    if ok:
        return value
    raise value


async def _as_coroutine(aw):
    return await aw


# ---------------------------------------------------------------------------------------------
# Sandbox.run_async: the sandbox on the caller's event loop, no helper thread. The VM runs in
# slices (it pauses at a backward jump once SLICE seconds have passed, so the loop stays
# responsive and a cancel lands between two slices); sync host functions are called inside a
# slice; async host functions' calls are futures the VM pauses on once every sandbox task
# awaits them (PAUSE_WAIT): their coroutines then run as tasks of the caller's loop,
# concurrently, and the VM resumes when at least one has finished.

SLICE = 0.005


async def run_async(sandbox, code, inputs):
    import time
    from . import _core
    from .errors import MontyError
    from . import snapshot as _snapshot
    sandbox._enter()
    vm = sandbox._vm
    started = {}                # id(future) -> (future, asyncio task of its host call)
    try:
        linked = sandbox._prepare(code, inputs)
        loop = asyncio.get_running_loop()
        sandbox._pause_token += 1
        _core.vm_abandon(vm)
        duration = sandbox._run_limits.max_duration
        elapsed = 0.0
        first = True
        step = lambda: vm.run_module(linked)    # noqa: E731
        while True:
            vm.pause_mode = True
            vm.async_mode = True
            t0 = time.perf_counter()
            sandbox._arm_clock(elapsed, first)      # (max_wall_time counts from the first)
            first = False
            vm.slice_due = False
            vm.slice_end = t0 + SLICE
            try:
                value = sandbox._step(step, code)
            finally:
                vm.slice_end = 0.0
                if duration is not None:
                    # (the VM moved its deadline by the time its sync host calls took)
                    elapsed = duration - max(vm.deadline - time.perf_counter(), 0.0)
            if value is not _core.Paused:
                return value
            kind = vm.pause_kind
            if kind == _snapshot._PAUSE_SLICE:
                # two turns of the loop: a due timer's callback, then the task it wakes
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                step = lambda: _core.vm_resume(vm, None, None)    # noqa: E731
                continue
            if kind != _snapshot._PAUSE_WAIT:
                raise MontyError("internal error: run_async paused at a host call")
            waiting = _snapshot._waiting(vm)
            for fut in waiting:
                if id(fut) not in started:
                    task = _start_call(loop, fut)
                    if task is not None:
                        started[id(fut)] = (fut, task)
            if not any(_core.future_info(f) is None for f in waiting):
                tasks = [started[id(f)][1] for f in waiting]
                await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
                for f in waiting:
                    task = started[id(f)][1]
                    if task.done():
                        del started[id(f)]
                        _settle(vm, f, task)
            flags = _core.vm_wait_result(vm)
            step = lambda: _core.vm_resume(vm, flags, None)    # noqa: E731
    finally:
        leftover = [task for fut, task in started.values()]
        for task in leftover:
            task.cancel()
        vm.pause_mode = False
        vm.async_mode = False
        vm.slice_end = 0.0
        _core.vm_abandon(vm)
        try:
            if leftover:
                await _join(leftover)
        finally:
            sandbox._busy.release()


async def _join(tasks):
    """Wait until the cancelled host calls of a run have finished (their `except` and
    `finally` blocks ran): no host call outlives the run_async that made it. A cancellation
    of the caller meanwhile (frameworks may repeat it) is passed on once they have."""
    cancelled = False
    pending = [t for t in tasks if not t.done()]
    while pending:
        try:
            await asyncio.wait(pending)
        except asyncio.CancelledError:
            cancelled = True
        pending = [t for t in pending if not t.done()]
    for task in tasks:      # (retrieved: no "exception was never retrieved" warnings)
        if not task.cancelled():
            task.exception()
    if cancelled:
        raise asyncio.CancelledError


def _start_call(loop, fut):
    """Make the host call of a deferred future: its coroutine as a task of `loop` (None when
    the call failed at once: the future is settled with that error)."""
    from . import _core
    name, args, kwargs, _ = _core.future_info(fut)
    func = _core.future_func(fut)
    if func is None:
        _core.future_settle(fut, None, RuntimeError(
            f"host function '{name}' has no implementation here"))
        return None
    try:
        aw = func(*args, **kwargs)
        return loop.create_task(_as_coroutine(aw))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:
        _core.future_settle(fut, None, e)
        return None


def _settle(vm, fut, task):
    from . import _core
    from .errors import MontyTypeError
    name = _core.future_info(fut)[0]
    if task.cancelled():
        _core.future_settle(fut, None, RuntimeError(f"{name}() was cancelled on the host"))
        return
    e = task.exception()
    if e is not None:
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise e
        _core.future_settle(fut, None, e)
        return
    try:
        value = _core.to_sandbox(task.result(), vm)
    except MontyTypeError as err:
        _core.future_settle(fut, None, TypeError(
            f"{name}() returned a value the sandbox cannot hold: {err}"))
        return
    _core.future_settle(fut, value, None)


# ---------------------------------------------------------------------------------------------
# Sandbox.dump / Sandbox.load: an idle sandbox's state (see snapshot.py for the format)


def dump_sandbox(sandbox, secret):
    from . import _core
    from . import snapshot as _snapshot
    from .errors import MontyError
    if secret is not None and not isinstance(secret, (bytes, bytearray)):
        raise TypeError("secret must be bytes")
    if _core.vm_is_paused(sandbox._vm):
        # a dropped Pending (its Calls refer back to it) is released by the next collection
        import gc
        gc.collect()
    sandbox._enter()
    try:
        if _core.vm_is_paused(sandbox._vm):
            raise MontyError("this Sandbox is paused at a host call: dump its Call or Pending, "
                             "or finish it, first (Sandbox.dump saves an idle sandbox)")
        try:
            payload = _snapshot._dump_idle(sandbox)
        except MontyError:
            raise
        except RecursionError:
            raise MontyError("cannot save the sandbox: values nested too deeply") from None
        except Exception as e:
            raise MontyError(f"cannot save the sandbox: {type(e).__name__}") from None
    finally:
        sandbox._busy.release()
    if secret is not None:
        payload += _snapshot._tag(secret, payload)
    return payload


def prewarm(functions):
    """A Sandbox given async host functions will most likely run asyncio: its module (sandbox
    Python) is compiled now, once per process, rather than inside the first timed run."""
    import inspect
    for func in functions.values():
        if func is not None and (inspect.iscoroutinefunction(func) or inspect.iscoroutinefunction(
                getattr(type(func), "__call__", None))):
            from . import modules
            from ._shared import code_cache as _code_cache
            from .modules import asyncio as _sandbox_asyncio
            modules._discover()
            _code_cache.get(_sandbox_asyncio.SOURCE, internal=(
                f"<{_sandbox_asyncio.NAME}>", _sandbox_asyncio.PREFIX))
            return
