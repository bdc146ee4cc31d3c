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
