"""`itertools` for sandbox code, re-implemented as lazy iterators of the VM.

Every iterator here subclasses the VM's iterator base, so the eval loop drives it like its
own; every step is charged against the sandbox's limits, so an infinite iterator consumed by
native code (`list(count())`) ends at the time limit instead of hanging the host. CPython's
own itertools objects are never handed out: their C loops (`islice` skipping, `product`
materialising its pools) would run uncounted.
"""

import itertools as _itertools
import operator as _op
import sys as _sys

from ._support import (SandboxIter, charge, is_vm_code, loops_generator, materialize, need,
                       need_items, sandbox_iter, type_name)

NAME = "itertools"

_MAXSIZE = _sys.maxsize
_EMPTY = object()


def _int_arg(value):
    """operator.index, with CPython's message for non-integers."""
    try:
        return _op.index(value)
    except TypeError:
        raise TypeError(f"'{type_name(value)}' object cannot be interpreted as an integer") from None


def _one_arg(name, args, kwargs):
    """The single positional argument of a CPython adaptor that takes exactly one."""
    if kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")
    if len(args) != 1:
        raise TypeError(f"{name} expected 1 argument, got {len(args)}")
    return args[0]


def _two_args(name, args, kwargs):
    if kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")
    if len(args) != 2:
        raise TypeError(f"{name} expected 2 arguments, got {len(args)}")
    return args


def _in_vm(cls, base, fields, args, kwargs):
    """The adaptor `base(*args, **kwargs)` as a generator written in sandbox Python when it
    calls or iterates sandbox code (so its callbacks pause), else None: the host class is
    made as usual. Its arguments are checked by the class's own __init__ first."""
    if cls is not base or not (args or kwargs):
        return None             # a sandbox subclass: an instance of it; no arguments: the
                                # class's __init__ reports them (or a snapshot fills it)
    probe = SandboxIter.__new__(base)
    base.__init__(probe, *args, **kwargs)
    values = tuple([getattr(probe, f) for f in fields])
    if not any(is_vm_code(v) for v in values):
        return probe
    return loops_generator(base.__name__ + "_", *values)


def _pool(iterable):
    return tuple(materialize(iterable))


class count(SandboxIter):
    def __init__(self, start=0, step=1):
        for v in (start, step):
            t = type(v)
            if not (isinstance(v, (int, float, complex)) or hasattr(t, "__index__")
                    or hasattr(t, "__float__") or hasattr(t, "__int__")):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        charge(1)
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"


class cycle(SandboxIter):
    def __init__(self, *args, **kwargs):
        self._it = sandbox_iter(_one_arg("cycle", args, kwargs))
        self._saved = []
        self._index = 0
        self._first = True

    def __next__(self):
        charge(1)
        if self._first:
            for item in self._it:
                self._saved.append(item)
                return item
            self._first = False
            self._it = None
        saved = self._saved
        if not saved:
            raise StopIteration
        item = saved[self._index]
        self._index = (self._index + 1) % len(saved)
        return item


class repeat(SandboxIter):
    def __init__(self, object, times=None):
        self._obj = object
        self._times = None if times is None else _int_arg(times)

    def __next__(self):
        charge(1)
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __repr__(self):
        if self._times is None:
            return f"repeat({self._obj!r})"
        return f"repeat({self._obj!r}, {max(self._times, 0)})"


class accumulate(SandboxIter):
    def __new__(cls, *args, **kwargs):
        made = _in_vm(cls, accumulate, ("_it", "_func", "_initial"), args, kwargs)
        return made if made is not None else SandboxIter.__new__(cls)

    def __init__(self, *args, initial=None, **kwargs):
        if getattr(self, "_it", None) is not None:
            return                  # made and checked by __new__

        if len(args) > 2:
            raise TypeError(f"accumulate() takes at most 2 positional arguments ({len(args)} given)")
        values = list(args)
        for i, pname in enumerate(("iterable", "func")):
            if i < len(values):
                if pname in kwargs:
                    raise TypeError(f"argument for accumulate() given by name ('{pname}') and "
                                    f"position ({i + 1})")
            elif pname in kwargs:
                values.append(kwargs.pop(pname))
            elif i == 0:
                raise TypeError("accumulate() missing required argument 'iterable' (pos 1)")
            else:
                values.append(None)
        for k in kwargs:
            raise TypeError(f"'{k}' is an invalid keyword argument for accumulate()")
        iterable, func = values
        self._it = sandbox_iter(iterable)
        self._func = func
        self._total = _EMPTY
        self._initial = initial

    def __next__(self):
        charge(1)
        if self._initial is not None:
            self._total, self._initial = self._initial, None
            return self._total
        item = next(self._it)
        if self._total is _EMPTY:
            self._total = item
        elif self._func is None:
            self._total = self._total + item
        else:
            self._total = self._func(self._total, item)
        return self._total


class chain(SandboxIter):
    def __init__(self, *iterables, **kwargs):
        if kwargs:
            raise TypeError("chain() takes no keyword arguments")
        self._sources = sandbox_iter(iterables)
        self._it = None

    def __next__(self):
        charge(1)
        while True:
            if self._it is None:
                if self._sources is None:
                    raise StopIteration
                try:
                    source = next(self._sources)
                except StopIteration:
                    self._sources = None
                    raise
                try:
                    self._it = sandbox_iter(source)
                except BaseException:
                    self._sources = None     # as CPython: a source that fails iter() ends the chain
                    raise
            for item in self._it:
                return item
            self._it = None


def _from_iterable(iterable, /):
    c = chain()
    c._sources = sandbox_iter(iterable)
    return c


class compress(SandboxIter):
    def __init__(self, *args, **kwargs):
        if len(args) + len(kwargs) > 2:
            kind = "arguments" if args else "keyword arguments"
            raise TypeError(f"compress() takes at most 2 {kind} ({len(args) + len(kwargs)} given)")
        values = list(args)
        for i, pname in enumerate(("data", "selectors")):
            if i >= len(values) and pname not in kwargs:
                raise TypeError(f"compress() missing required argument '{pname}' (pos {i + 1})")
        for i, pname in enumerate(("data", "selectors")):
            if i < len(values):
                if pname in kwargs:
                    raise TypeError(f"argument for compress() given by name ('{pname}') and "
                                    f"position ({i + 1})")
                continue
            if pname not in kwargs:
                raise TypeError(f"compress() missing required argument '{pname}' (pos {i + 1})")
            values.append(kwargs.pop(pname))
        for k in kwargs:
            raise TypeError(f"'{k}' is an invalid keyword argument for compress()")
        data, selectors = values
        self._data = sandbox_iter(data)
        self._selectors = sandbox_iter(selectors)

    def __next__(self):
        while True:
            charge(1)
            item = next(self._data)
            if next(self._selectors):
                return item


class dropwhile(SandboxIter):
    def __new__(cls, *args, **kwargs):
        made = _in_vm(cls, dropwhile, ("_pred", "_it"), args, kwargs)
        return made if made is not None else SandboxIter.__new__(cls)

    def __init__(self, *args, **kwargs):
        if getattr(self, "_it", None) is not None:
            return                  # made and checked by __new__
        predicate, iterable = _two_args("dropwhile", args, kwargs)
        self._pred = predicate
        self._it = sandbox_iter(iterable)
        self._dropping = True

    def __next__(self):
        while True:
            charge(1)
            item = next(self._it)
            if not self._dropping:
                return item
            if not self._pred(item):
                self._dropping = False
                return item


class takewhile(SandboxIter):
    def __new__(cls, *args, **kwargs):
        made = _in_vm(cls, takewhile, ("_pred", "_it"), args, kwargs)
        return made if made is not None else SandboxIter.__new__(cls)

    def __init__(self, *args, **kwargs):
        if getattr(self, "_it", None) is not None:
            return                  # made and checked by __new__
        predicate, iterable = _two_args("takewhile", args, kwargs)
        self._pred = predicate
        self._it = sandbox_iter(iterable)

    def __next__(self):
        charge(1)
        if self._it is None:
            raise StopIteration
        item = next(self._it)
        if self._pred(item):
            return item
        self._it = None
        raise StopIteration


class filterfalse(SandboxIter):
    def __new__(cls, *args, **kwargs):
        made = _in_vm(cls, filterfalse, ("_pred", "_it"), args, kwargs)
        return made if made is not None else SandboxIter.__new__(cls)

    def __init__(self, *args, **kwargs):
        if getattr(self, "_it", None) is not None:
            return                  # made and checked by __new__
        function, iterable = _two_args("filterfalse", args, kwargs)
        self._pred = function
        self._it = sandbox_iter(iterable)

    def __next__(self):
        while True:
            charge(1)
            item = next(self._it)
            if self._pred is None:
                if not item:
                    return item
            elif not self._pred(item):
                return item


class _grouper(SandboxIter):
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __next__(self):
        charge(1)
        gb = self._parent
        if gb._current is not self:
            raise StopIteration
        if gb._value is _EMPTY:
            if not gb._step():
                raise StopIteration
        if not (gb._curkey is self._key or gb._curkey == self._key):
            raise StopIteration
        value = gb._value
        gb._value = _EMPTY
        return value


class groupby(SandboxIter):
    def __new__(cls, *args, **kwargs):
        made = _in_vm(cls, groupby, ("_it", "_keyfunc"), args, kwargs)
        return made if made is not None else SandboxIter.__new__(cls)

    def __init__(self, iterable, key=None):
        if getattr(self, "_it", None) is not None:
            return                  # made and checked by __new__
        self._it = sandbox_iter(iterable)
        self._keyfunc = key
        self._tgtkey = _EMPTY
        self._curkey = _EMPTY
        self._value = _EMPTY
        self._current = None

    def _step(self):
        for value in self._it:
            self._value = value
            self._curkey = value if self._keyfunc is None else self._keyfunc(value)
            return True
        return False

    def __next__(self):
        self._current = None
        while True:
            charge(1)
            if self._value is _EMPTY:
                if not self._step():
                    raise StopIteration
                if self._tgtkey is _EMPTY:
                    break
            if self._tgtkey is _EMPTY or not (
                    self._curkey is self._tgtkey or self._curkey == self._tgtkey):
                break
            self._value = _EMPTY
        self._tgtkey = self._curkey
        grouper = _grouper(self, self._tgtkey)
        self._current = grouper
        return (self._curkey, grouper)


def _islice_index(value, message):
    if value is None:
        return None
    try:
        i = _op.index(value)
    except TypeError:
        raise ValueError(message) from None
    if i < 0 or i > _MAXSIZE:
        raise ValueError(message)
    return i


class islice(SandboxIter):
    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError("islice() takes no keyword arguments")
        if len(args) < 2:
            raise TypeError(f"islice expected at least 2 arguments, got {len(args)}")
        iterable, *args = args
        if len(args) > 3:
            raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
        if len(args) == 1:
            start, stop, step = None, args[0], None
            stop = _islice_index(stop, "Stop argument for islice() must be None or an integer: "
                                       "0 <= x <= sys.maxsize.")
        else:
            start, stop, step = (list(args) + [None])[:3]
            start = _islice_index(start, "Indices for islice() must be None or an integer: "
                                         "0 <= x <= sys.maxsize.")
            stop = _islice_index(stop, "Stop argument for islice() must be None or an integer: "
                                       "0 <= x <= sys.maxsize.")
            if step is not None:
                try:
                    step = _op.index(step)
                except TypeError:
                    step = 0
                if step <= 0:
                    raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = sandbox_iter(iterable)
        self._next = start or 0
        self._stop = stop
        self._step = step or 1
        self._pos = 0

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        target = self._next
        if stop is not None and target >= stop:
            # consume up to stop, like CPython
            while self._pos < stop:
                charge(1)
                try:
                    next(it)
                except StopIteration:
                    break
                self._pos += 1
            self._it = None
            raise StopIteration
        while self._pos < target:
            charge(1)
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._pos += 1
        charge(1)
        try:
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._pos += 1
        self._next = target + self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


class pairwise(SandboxIter):
    def __init__(self, *args, **kwargs):
        self._it = sandbox_iter(_one_arg("pairwise", args, kwargs))
        self._last = _EMPTY

    def __next__(self):
        charge(1)
        it = self._it
        if it is None:
            raise StopIteration
        if self._last is _EMPTY:
            try:
                self._last = next(it)
            except StopIteration:
                self._it = None
                raise
        try:
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        pair = (self._last, item)
        self._last = item
        return pair


class starmap(SandboxIter):
    def __new__(cls, *args, **kwargs):
        made = _in_vm(cls, starmap, ("_func", "_it"), args, kwargs)
        return made if made is not None else SandboxIter.__new__(cls)

    def __init__(self, *args, **kwargs):
        if getattr(self, "_it", None) is not None:
            return                  # made and checked by __new__
        function, iterable = _two_args("starmap", args, kwargs)
        self._func = function
        self._it = sandbox_iter(iterable)

    def __next__(self):
        charge(1)
        args = next(self._it)
        if type(args) is not tuple:
            args = tuple(sandbox_iter(args))
        return self._func(*args)


class _tee(SandboxIter):
    def __init__(self, it, node):
        self._it = it
        self._node = node     # [value, next node]; a node whose next is None is not filled

    def __next__(self):
        charge(1)
        node = self._node
        if node[1] is None:
            value = next(self._it)
            node[0] = value
            node[1] = [None, None]
        self._node = node[1]
        return node[0]

    def __copy__(self):
        return _tee(self._it, self._node)


def tee(iterable, n=2, /):
    n = _int_arg(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    need(n * 128)
    charge(n)
    if type(iterable) is _tee:
        it, node = iterable._it, iterable._node
    else:
        it, node = sandbox_iter(iterable), [None, None]
    return tuple(_tee(it, node) for _ in range(n))


class zip_longest(SandboxIter):
    def __init__(self, *iterables, fillvalue=None):
        its = [sandbox_iter(iterable) for iterable in iterables]
        self._its = its
        self._active = len(its)
        self._fill = fillvalue

    def __next__(self):
        charge(1)
        if not self._active:
            raise StopIteration
        out = []
        for i, it in enumerate(self._its):
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                self._its[i] = None
                self._active -= 1
                if not self._active:
                    raise
                out.append(self._fill)
        return tuple(out)


class _OverPool(SandboxIter):
    """A combinatoric iterator: CPython's, run over pools already collected (charged and
    size-checked) here, so each of its steps is a bounded amount of C work, charged."""

    _width = 1

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        # each step builds a tuple of _width items (kept by list(...)): its bytes count
        charge(self._cost, 56 + 8 * self._width)
        return next(it)


class product(_OverPool):
    def __init__(self, *iterables, repeat=1):
        repeat = _int_arg(repeat)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [_pool(it) for it in iterables]
        width = len(pools) * repeat
        need_items(width)
        charge(width)
        self._cost = 1 + width // 16
        self._width = width
        self._it = None if any(not p for p in pools) and width else _itertools.product(
            *pools, repeat=repeat)


def _r_arg(r, allow_none):
    if r is None and allow_none:
        return None
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    r = _op.index(r)      # the exact value (a subclass's own <, <= and + would answer the checks)
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


class permutations(_OverPool):
    def __init__(self, iterable, r=None):
        pool = _pool(iterable)
        n = len(pool)
        r = _r_arg(r, True)
        r = n if r is None else r
        self._it = None
        self._cost = 1 + (n + r) // 16
        self._width = r
        if r <= n:
            need_items(n + r)
            self._it = _itertools.permutations(pool, r)


class combinations(_OverPool):
    def __init__(self, iterable, r):
        pool = _pool(iterable)
        r = _r_arg(r, False)
        self._it = None
        self._cost = 1 + r // 16
        self._width = r
        if r <= len(pool):
            self._it = _itertools.combinations(pool, r)


class combinations_with_replacement(_OverPool):
    def __init__(self, iterable, r):
        pool = _pool(iterable)
        r = _r_arg(r, False)
        self._it = None
        self._cost = 1 + r // 16
        self._width = r
        if pool or not r:
            need_items(r)
            self._it = _itertools.combinations_with_replacement(pool, r)


_CLASSES = (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile,
            filterfalse, groupby, islice, pairwise, starmap, zip_longest, product,
            permutations, combinations, combinations_with_replacement)

for _cls in _CLASSES + (_grouper, _tee, _OverPool):
    _cls.__module__ = "itertools"
_tee.__name__ = _tee.__qualname__ = "_tee"
tee.__module__ = "itertools"

TP_NAMES = {cls: "itertools." + cls.__name__ for cls in _CLASSES + (_grouper, _tee)}

# how snapshots keep these iterators: their fields, checked on load (see monty/snapshot.py)
SNAPSHOT_FIELDS = {
    count: {"_n": "any", "_step": "any"},
    cycle: {"_it": "iter?", "_saved": "list", "_index": "count", "_first": "bool"},
    repeat: {"_obj": "any", "_times": "int?"},
    accumulate: {"_it": "iter", "_func": "callable?", "_total": "any", "_initial": "any"},
    chain: {"_sources": "iter?", "_it": "iter?"},
    compress: {"_data": "iter", "_selectors": "iter"},
    dropwhile: {"_pred": "callable", "_it": "iter", "_dropping": "bool"},
    takewhile: {"_pred": "callable", "_it": "iter?"},
    filterfalse: {"_pred": "callable?", "_it": "iter"},
    _grouper: {"_parent": "any", "_key": "any"},
    groupby: {"_it": "iter", "_keyfunc": "callable?", "_tgtkey": "any", "_curkey": "any",
              "_value": "any", "_current": "any"},
    islice: {"_it": "iter?", "_next": "count", "_stop": "int?", "_step": "count", "_pos": "count"},
    pairwise: {"_it": "iter?", "_last": "any"},
    starmap: {"_func": "callable", "_it": "iter"},
    _tee: {"_it": "iter", "_node": "node"},
    zip_longest: {"_its": "iters", "_active": "count", "_fill": "any"},
}
for _cls in (product, permutations, combinations, combinations_with_replacement):
    SNAPSHOT_FIELDS[_cls] = {"_it": "native", "_cost": "cost", "_width": "count"}
SNAPSHOT_NAMED = {"empty": _EMPTY}

# chain.from_iterable, read on the class
METHODS = {chain: {"from_iterable": _from_iterable}}


def build(vm):
    names = {cls.__name__: cls for cls in _CLASSES}
    names["tee"] = tee
    return names
