"""Running an async host function's awaitable to its end from synchronous code."""

import asyncio
import threading

_local = threading.local()


def run_awaitable(aw):
    """The result of `aw`: on this thread's private event loop, or, when the host is itself
    inside a running event loop (run() called from async code), on a helper thread's loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        loop = getattr(_local, "loop", None)
        if loop is None or loop.is_closed():
            loop = _local.loop = asyncio.new_event_loop()
        return loop.run_until_complete(_as_coroutine(aw))
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
