"""Builtins and module functions that call sandbox code back, as loops of the VM.

`sum(x for x in ...)`, `sorted(xs, key=f)`, `map(fetch, urls)`, `'-'.join(gen)`,
`functools.reduce(f, xs)`, `json.dumps(x, default=f)`...: when an argument is sandbox code,
the call runs the function of the same job written in sandbox Python instead of CPython's C
loop, so the callbacks run as frames of the eval loop and a host call inside them pauses,
dumps and resumes. With only builtin values the native function runs as before.

Two modules written in sandbox Python: the builtins' (monty/modules/_sandbox/_loops.py) and
the stdlib modules' (monty/modules/_sandbox/_loops_lib.py), each built per sandbox on first
use (linking the code to a sandbox costs about a millisecond per hundred lines). Neither is a
module sandbox code can import (no NAME); their globals live under prefixes sandbox code
cannot spell, and snapshots carry their source like any internal module's."""

from ._support import private_helpers, sandbox_source

LOOPS_NAME = "builtins"         # the code's file name is "<builtins>"
FILENAME = "<builtins>"
PREFIX = ".loops."
SOURCE = sandbox_source("_loops")
EXPORTS = ("sum_", "any_", "all_", "min_", "max_", "list_sort", "sorted_", "join", "extend",
           "update", "map_", "filter_", "zip_", "enumerate_", "callable_iterator", "class_call",
           "repr_", "ascii_", "print_", "str_mod",
           "defaultdict_missing", "int_", "float_", "gen_next", "drain_", "index_call",
           "class_hooks", "str_format", "str_format_map", "next_")

LIB_PREFIX = ".loops_lib."
LIB_SOURCE = sandbox_source("_loops_lib")
LIB_EXPORTS = ("reduce", "lru_cache", "cache", "contextmanager", "_GeneratorContextManager",
               "accumulate_", "dropwhile_", "takewhile_", "filterfalse_", "starmap_", "groupby_",
               "pattern_sub", "pattern_subn", "re_sub", "re_subn", "json_dumps", "json_loads",
               "json_dumps_cls", "json_loads_cls", "singledispatchmethod",
               "heapq_nsmallest", "heapq_nlargest", "dataclass_init", "typing_typeddict",
               "typing_namedtuple",
               "heappush_", "heappop_", "heapreplace_", "heappushpop_", "heapify_",
               "bisect_right_", "bisect_left_", "insort_right_", "insort_left_")
_LIB_NAMES = frozenset(LIB_EXPORTS)

SOURCES = ((SOURCE, PREFIX), (LIB_SOURCE, LIB_PREFIX))


def _cache_info(hits, misses, maxsize, currsize):
    from .functools import _CacheInfo
    if not all(type(x) is int for x in (hits, misses, currsize)) or not (
            maxsize is None or type(maxsize) is int):
        raise TypeError("bad cache_info call")
    return _CacheInfo(hits, misses, maxsize, currsize)


def _update_wrapper(wrapper, wrapped):
    from .functools import update_wrapper
    return update_wrapper(wrapper, wrapped)


def _dataclass_bind(cls, self, args, kwargs):
    from .dataclasses import bind_init
    return bind_init(cls, self, args, kwargs)


def _compares_in_sandbox(t):
    """Whether `<` between instances of class t may run a sandbox __lt__ / __gt__."""
    from ._support import _core, is_sandbox_class
    if not is_sandbox_class(t):
        return False
    for klass in t.__mro__:
        d = _type_dict(klass)
        for name in ("__lt__", "__gt__"):
            if name in d:
                if type(d[name]) is _core.Function:
                    return True
    return False


_type_dict = type.__dict__["__dict__"].__get__


def _sort_plan(keys):
    """How a sort of these keys (a list) runs: None, natively (its comparisons, if any call
    sandbox code, in a nested loop); (None, None) for the loop's own sort comparing with `<`
    (a sandbox __lt__ among them); (cmp, objects) for cmp_to_key(cmp) keys, compared by
    calling cmp in the loop. The loop's sort is CPython's for fewer than 64 items only."""
    if type(keys) is not list:
        raise TypeError("bad sort_plan call")
    n = len(keys)
    if n < 2 or n >= 64:
        return None
    from .functools import _EMPTY, KeyWrapper
    first = keys[0]
    if type(first) is KeyWrapper:
        cmp = first.cmp
        objects = []
        for k in keys:
            if type(k) is not KeyWrapper or k.cmp is not cmp or k._obj is _EMPTY:
                return None
            objects.append(k._obj)
        return cmp, objects
    for k in keys:
        if _compares_in_sandbox(type(k)):
            return None, None
    return None


private_helpers(cache_info=_cache_info, update_wrapper=_update_wrapper,
                dataclass_bind=_dataclass_bind, sort_plan=_sort_plan)


def _build(vm, source, prefix, exports):
    from ._support import build_internal
    try:
        # a loaded snapshot's: its paused frames hold the module's sentinels, so the module
        # code must not run again (it would make new ones)
        return {name: vm.get_global(prefix + name) for name in exports}
    except KeyError:
        return build_internal(vm, LOOPS_NAME, source, prefix, exports)


def build(vm):
    """The functions of both modules built so far for this sandbox (vm.module_state keeps
    them), the builtins' at least."""
    from . import _discover
    _discover()
    states = vm.module_state
    if states is None:
        states = vm.module_state = {}
    attrs = states.get(PREFIX)
    if attrs is None:
        attrs = states[PREFIX] = _build(vm, SOURCE, PREFIX, EXPORTS)
    return attrs


def function(vm, name):
    """The function `name` of either module, built for this sandbox on first use."""
    attrs = build(vm)
    fn = attrs.get(name)
    if fn is None and name in _LIB_NAMES:
        attrs.update(_build(vm, LIB_SOURCE, LIB_PREFIX, LIB_EXPORTS))
        fn = attrs[name]
    return fn


def reset(vm):
    """A new run: no container's text is being made (one a run stopped by a limit was making
    stays in `_reprs`, whose `finally` never ran)."""
    states = vm.module_state
    if states is not None and PREFIX in states:
        vm.set_global(PREFIX + "_reprs", [])
