"""`concurrent.futures` for sandbox code, in sandbox Python
(monty/modules/_sandbox/concurrent_futures.py): ThreadPoolExecutor and ProcessPoolExecutor run
each submitted callable synchronously, in submission order, on the sandbox's own loop (no
thread is started), so host calls inside them pause, count against the limits, and a paused
program dumps and loads. Results, exceptions, map(), as_completed() and wait() give what
CPython gives for callables that do not depend on running at the same time."""

from ._support import sandbox_source

NAME = "concurrent.futures"
PREFIX = "concurrent.futures."
EXPORTS = """FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED CancelledError
BrokenExecutor InvalidStateError Future Executor ThreadPoolExecutor ProcessPoolExecutor
as_completed wait""".split()

SOURCE = sandbox_source("concurrent_futures")


def build(vm):
    """The module's names, made once per sandbox (the `concurrent` package's `futures`
    attribute and `import concurrent.futures` share them)."""
    from .. import _core
    if vm.module_state is None:
        vm.module_state = {}
    attrs = vm.module_state.get(NAME)
    if attrs is None:
        attrs = _core.build_internal_module(vm, "concurrent_futures", SOURCE, PREFIX, EXPORTS,
                                            {"TimeoutError": TimeoutError})
        vm.module_state[NAME] = attrs
    return dict(attrs)
