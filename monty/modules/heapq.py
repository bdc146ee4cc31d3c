"""`heapq` for sandbox code: CPython's in-place heap functions (they only compare items of
the list they are given); nlargest/nsmallest/merge walk their inputs in charged steps."""

import heapq as _hq

from .. import policy
from ._support import (SandboxIter, _core, charge, is_sandbox_class, is_vm_code, materialize,
                       sandbox_iter)

NAME = "heapq"


# The comparisons the heap functions make natively are estimated first from the units of
# the items they move (policy.precheck_walk): a pushed item is compared about log2(n) times.
# heappop/heapreplace/heappushpop also compare existing items with each other on their way
# down; only the moved item is estimated (walking the whole heap each pop would make them
# O(n)).

# (a list subclass is measured by its raw items, which CPython's C code uses: never through
# its own __len__/__getitem__)
def _levels(heap):
    return (list.__len__(heap) if isinstance(heap, list) else 0).bit_length() + 1


def heappush(heap, item, /):
    policy.precheck_walk([item], _levels(heap))
    return _hq.heappush(heap, item)


def heappop(heap, /):
    if isinstance(heap, list) and list.__len__(heap):
        policy.precheck_walk([list.__getitem__(heap, -1)], 2 * _levels(heap))
    return _hq.heappop(heap)


def heapreplace(heap, item, /):
    policy.precheck_walk([item], 2 * _levels(heap))
    return _hq.heapreplace(heap, item)


def heappushpop(heap, item, /):
    policy.precheck_walk([item], 2 * _levels(heap))
    return _hq.heappushpop(heap, item)


def heapify(heap, /):
    if isinstance(heap, list):
        policy.precheck_sort(heap if type(heap) is list else list.__getitem__(heap, slice(None)))
    return _hq.heapify(heap)


def _charged_list(iterable, key):
    seq = materialize(iterable)
    if key is None:
        policy.precheck_sort(seq)
    return seq


def nlargest(n, iterable, key=None):
    return _hq.nlargest(n, _charged_list(iterable, key), key=key)


def nsmallest(n, iterable, key=None):
    return _hq.nsmallest(n, _charged_list(iterable, key), key=key)


class _Merge(SandboxIter):
    """heapq.merge(): lazy, every step charged."""

    def __init__(self, iterables, key, reverse):
        self._gen = _hq.merge(*[_Charged(sandbox_iter(it)) for it in iterables],
                              key=key, reverse=reverse)

    def __next__(self):
        charge(1)
        return next(self._gen)


class _Charged:
    __slots__ = ("_it",)

    def __init__(self, it):
        self._it = it

    def __iter__(self):
        return self

    def __next__(self):
        charge(1)
        return next(self._it)


_Merge.__name__ = _Merge.__qualname__ = "generator"


def merge(*iterables, key=None, reverse=False):
    return _Merge(iterables, key, reverse)


def _route_n(n, iterable, key=None):
    return type(n) is int and (is_vm_code(iterable) or (key is not None and is_vm_code(key)))


# with a sandbox key or over a generator, monty/modules/_loops.py's versions compute the keys
# as frames of the VM (host calls inside pause)
_core.register_route(nsmallest, lambda *a, **k: "heapq_nsmallest" if _route_n(*a, **k) else None)
_core.register_route(nlargest, lambda *a, **k: "heapq_nlargest" if _route_n(*a, **k) else None)



# over sandbox objects (the moved item or the heap's top one), monty/modules/_loops.py's
# versions make CPython's comparisons as `<` of the VM (a sandbox __lt__ can pause)
def _sandbox_item(x):
    return is_sandbox_class(type(x))


def _route_push(heap, item, *rest):
    return type(heap) is list and not rest and (
        _sandbox_item(item) or (len(heap) > 0 and _sandbox_item(heap[0])))


def _route_pop(heap, *rest):
    return type(heap) is list and not rest and len(heap) > 0 and (
        _sandbox_item(heap[0]) or _sandbox_item(heap[-1]))


def _route_heapify(heap, *rest):
    return (type(heap) is list and not rest and 0 < len(heap) <= 2500
            and _sandbox_item(heap[0]))


for _fn, _name, _pred in ((heappush, "heappush_", _route_push),
                          (heappop, "heappop_", _route_pop),
                          (heapreplace, "heapreplace_", _route_push),
                          (heappushpop, "heappushpop_", _route_push),
                          (heapify, "heapify_", _route_heapify)):
    _core.register_route(_fn, lambda *a, _name=_name, _pred=_pred, **k:
                         _name if not k and _pred(*a) else None)


def build(vm):
    return {
        "heappush": heappush, "heappop": heappop, "heapify": heapify,
        "heapreplace": heapreplace, "heappushpop": heappushpop,
        "nlargest": nlargest, "nsmallest": nsmallest, "merge": merge,
    }
