"""Builtins that call sandbox code back, as loops of the VM.

`sum(x for x in ...)`, `sorted(xs, key=f)`, `map(fetch, urls)`, `'-'.join(gen)`...: when an
argument is sandbox code, the call runs the function of the same name written in sandbox
Python (monty/modules/_sandbox/_loops.py) instead of CPython's C loop, so the callbacks run
as frames of the eval loop and a host call inside them pauses, dumps and resumes. With only
builtin values the native builtin runs as before.

Not a module sandbox code can import (no NAME): the VM builds it on first use, per sandbox;
its globals live under PREFIX, a name sandbox code cannot spell, and snapshots carry its
source like any internal module's."""

from ._support import private_helpers, sandbox_source

LOOPS_NAME = "builtins"
PREFIX = ".loops."
FILENAME = "<builtins>"
SOURCE = sandbox_source("_loops")
EXPORTS = ("sum_", "any_", "all_", "min_", "max_", "list_sort", "sorted_", "join", "extend",
           "update", "map_", "filter_", "zip_", "enumerate_", "callable_iterator",
           "reduce", "lru_cache", "cache", "contextmanager", "_GeneratorContextManager",
           "accumulate_", "dropwhile_", "takewhile_", "filterfalse_", "starmap_", "groupby_")


def _cache_info(hits, misses, maxsize, currsize):
    from .functools import _CacheInfo
    if not all(type(x) is int for x in (hits, misses, currsize)) or not (
            maxsize is None or type(maxsize) is int):
        raise TypeError("bad cache_info call")
    return _CacheInfo(hits, misses, maxsize, currsize)


def _update_wrapper(wrapper, wrapped):
    from .functools import update_wrapper
    return update_wrapper(wrapper, wrapped)


private_helpers(cache_info=_cache_info, update_wrapper=_update_wrapper)


def build(vm):
    """The exported functions, built once per sandbox (kept in vm.module_state)."""
    from ._support import build_internal
    from . import _discover
    _discover()
    states = vm.module_state
    if states is None:
        states = vm.module_state = {}
    attrs = states.get(PREFIX)
    if attrs is None:
        try:
            # a loaded snapshot's: its paused frames hold the module's sentinels, so the
            # module code must not run again (it would make new ones)
            attrs = {name: vm.get_global(PREFIX + name) for name in EXPORTS}
        except KeyError:
            attrs = build_internal(vm, LOOPS_NAME, SOURCE, PREFIX, EXPORTS)
        states[PREFIX] = attrs
    return attrs
