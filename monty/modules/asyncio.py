"""asyncio for sandbox code: an event loop of tasks over sandbox coroutines.

Written in sandbox Python (monty/modules/_sandbox/asyncio.py, read as SOURCE) and run by the
VM like the sandbox's own code, so tasks pause at host calls, dump and resume like any frame, and count against the limits. Time in
the loop is virtual: when no task is ready, the clock jumps to the next timer (sleep(10)
returns at once, in order with the other sleepers). The module's globals live under the
prefix "asyncio." in the sandbox's global table (a name sandbox code cannot spell); its
mutable state sits in containers bound once, never rebound.
"""

from ._support import sandbox_source

NAME = "asyncio"
PREFIX = "asyncio."
EXPORTS = """run gather sleep create_task ensure_future wait_for wait as_completed shield
Future Task Event Lock Semaphore BoundedSemaphore Condition Barrier BrokenBarrierError Queue LifoQueue PriorityQueue
QueueEmpty QueueFull CancelledError InvalidStateError TaskGroup current_task all_tasks
get_running_loop get_event_loop iscoroutine iscoroutinefunction isfuture
FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED""".split()

SOURCE = sandbox_source(NAME)


def reset(vm):
    """No event loop runs when a run starts, even if the last one was unwound by a limit or its
    pause abandoned (asyncio.run's cleanup never ran)."""
    try:
        state = vm.get_global(PREFIX + "_state")
    except KeyError:
        return
    state["loop"] = None
    state["task"] = None


def build(vm):
    from .. import _core
    return _core.build_internal_module(vm, NAME, SOURCE, PREFIX, EXPORTS,
                                       {"TimeoutError": TimeoutError})
