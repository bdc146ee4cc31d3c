"""`heapq` for sandbox code: CPython's in-place heap functions (they only compare items of
the list they are given); nlargest/nsmallest/merge walk their inputs in charged steps."""

import heapq as _hq

from ._support import SandboxIter, charge, materialize, sandbox_iter

NAME = "heapq"


def nlargest(n, iterable, key=None):
    return _hq.nlargest(n, materialize(iterable), key=key)


def nsmallest(n, iterable, key=None):
    return _hq.nsmallest(n, materialize(iterable), key=key)


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


def build(vm):
    return {
        "heappush": _hq.heappush, "heappop": _hq.heappop, "heapify": _hq.heapify,
        "heapreplace": _hq.heapreplace, "heappushpop": _hq.heappushpop,
        "nlargest": nlargest, "nsmallest": nsmallest, "merge": merge,
    }
