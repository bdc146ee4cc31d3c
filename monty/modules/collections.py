"""`collections` for sandbox code.

Counter, OrderedDict, defaultdict and deque are subclasses of CPython's classes whose
constructors and bulk updates walk their input in charged chunks (so `deque(range(10**12),
maxlen=1)` ends at the time limit) and whose repetition is size-checked first; ChainMap is
re-implemented so that every method it calls on its maps passes the attribute gate;
namedtuple is CPython's (it only ever compiles identifiers), its classes treated like classes
the sandbox defined.
"""

import collections as _c
import collections.abc as _abc
import operator as _op
import sys as _sys

from .. import policy
from . import collections_abc as _abc_module
from ._support import (
    SandboxIter, chunks, charge, mark_sandbox_class, need_items, sandbox_getattr, sandbox_iter)

NAME = "collections"

_MISSING = object()
_SSIZE_MAX = _sys.maxsize
_count_elements = _c._count_elements
_dict_update = dict.update
_dict_setitem = dict.__setitem__


def _keys_method(obj):
    return sandbox_getattr(obj, "keys", None)


def _update_pairs(target, setitem, iterable, kwds, who):
    """`target.update(iterable, **kwds)`, walking `iterable` in chunks; `who` is "dict" for
    dict's messages about bad pairs, anything else for MutableMapping's."""
    if iterable is not None:
        if type(iterable) is dict or isinstance(iterable, (_c.OrderedDict, _c.defaultdict,
                                                           _c.Counter)):
            charge(len(iterable))
            for k, v in dict.items(iterable):
                setitem(target, k, v)
        else:
            keys = _keys_method(iterable)
            if keys is not None:
                for chunk in chunks(keys()):
                    for k in chunk:
                        setitem(target, k, iterable[k])
            else:
                index = 0
                for chunk in chunks(iterable):
                    for item in chunk:
                        if who == "dict":
                            try:
                                pair = tuple(sandbox_iter(item))
                            except TypeError:
                                raise TypeError(f"cannot convert dictionary update sequence "
                                                f"element #{index} to a sequence") from None
                            if len(pair) != 2:
                                raise ValueError(f"dictionary update sequence element #{index} "
                                                 f"has length {len(pair)}; 2 is required")
                        else:
                            pair = tuple(sandbox_iter(item))
                            if len(pair) > 2:
                                raise ValueError("too many values to unpack (expected 2)")
                            if len(pair) < 2:
                                raise ValueError(f"not enough values to unpack (expected 2, "
                                                 f"got {len(pair)})")
                        setitem(target, pair[0], pair[1])
                        index += 1
    for k, v in kwds.items():
        setitem(target, k, v)


# ------------------------------------------------------------------ Counter

class Counter(_c.Counter):
    """CPython's Counter with charged counting and a size-checked elements()."""

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, _abc.Mapping):
                if self:
                    get = self.get
                    for chunk in chunks(sandbox_getattr(iterable, "items")()):
                        for elem, count in chunk:
                            self[elem] = count + get(elem, 0)
                else:
                    _update_pairs(self, dict.__setitem__, iterable, {}, "dict")
            else:
                for chunk in chunks(iterable):
                    _count_elements(self, chunk)     # CPython's helper, on one chunk
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            get = self.get
            if isinstance(iterable, _abc.Mapping):
                for chunk in chunks(sandbox_getattr(iterable, "items")()):
                    for elem, count in chunk:
                        self[elem] = get(elem, 0) - count
            else:
                for chunk in chunks(iterable):
                    for elem in chunk:
                        self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def elements(self):
        charge(len(self))
        total = 0
        for count in self.values():
            if isinstance(count, int) and 0 < count <= _SSIZE_MAX:
                total += count
        need_items(total)
        return _Elements(list(self.items()))

    def most_common(self, n=None):
        charge(len(self))
        return _c.Counter.most_common(self, n)

    def copy(self):
        return self.__class__(self)

    def _wrap(self, result):
        if result is NotImplemented or type(result) is not _c.Counter:
            return result
        out = Counter()
        _dict_update(out, result)
        return out

    def __add__(self, other):
        return self._wrap(_c.Counter.__add__(self, other))

    def __sub__(self, other):
        return self._wrap(_c.Counter.__sub__(self, other))

    def __or__(self, other):
        return self._wrap(_c.Counter.__or__(self, other))

    def __and__(self, other):
        return self._wrap(_c.Counter.__and__(self, other))

    def __pos__(self):
        return self._wrap(_c.Counter.__pos__(self))

    def __neg__(self):
        return self._wrap(_c.Counter.__neg__(self))


Counter.__module__ = "collections"


class _Elements(SandboxIter):
    """Counter.elements(): each element as many times as its count."""

    def __init__(self, items):
        self._items = items
        self._index = 0
        self._left = 0
        self._elem = None

    def __next__(self):
        charge(1)
        while self._left <= 0:
            if self._index >= len(self._items):
                raise StopIteration
            self._elem, count = self._items[self._index]
            self._index += 1
            count = _op.index(count)    # as itertools.repeat(elem, count) converts it
            if not -_SSIZE_MAX - 1 <= count <= _SSIZE_MAX:
                raise OverflowError("Python int too large to convert to C ssize_t")
            self._left = count
        self._left -= 1
        return self._elem


_Elements.__name__ = _Elements.__qualname__ = "chain"
_Elements.__module__ = "itertools"


# ------------------------------------------------------------------ OrderedDict, defaultdict

class OrderedDict(_c.OrderedDict):
    def __init__(self, other=None, /, **kwds):
        _update_pairs(self, _op.setitem, other, kwds, "OrderedDict")

    def update(self, other=None, /, **kwds):
        _update_pairs(self, _op.setitem, other, kwds, "update")

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for chunk in chunks(iterable):
            for key in chunk:
                self[key] = value
        return self


OrderedDict.__module__ = "collections"


class defaultdict(_c.defaultdict):
    def __init__(self, default_factory=None, /, *args, **kwds):
        if len(args) > 1:
            raise TypeError(f"dict expected at most 1 argument, got {len(args)}")
        _c.defaultdict.__init__(self, default_factory)
        _update_pairs(self, dict.__setitem__, args[0] if args else None, kwds, "dict")

    def update(self, other=None, /, **kwds):
        _update_pairs(self, dict.__setitem__, other, kwds, "dict")

    @classmethod
    def fromkeys(cls, *args):
        if not args:
            raise TypeError("fromkeys expected at least 1 argument, got 0")
        if len(args) > 2:
            raise TypeError(f"fromkeys expected at most 2 arguments, got {len(args)}")
        return _dict_fromkeys(cls, *args)


defaultdict.__module__ = "collections"


def _dict_fromkeys(cls, iterable, value=None):
    if not isinstance(cls, type):
        cls = type(cls)
    self = cls()
    for chunk in chunks(iterable):
        for key in chunk:
            self[key] = value
    return self


# ------------------------------------------------------------------ deque

_DEQUE_MAXLEN = _c.deque.__dict__["maxlen"].__get__


class deque(_c.deque):
    def __init__(self, iterable=(), maxlen=None):
        _c.deque.__init__(self, (), maxlen)
        _c.deque.clear(self)
        deque.extend(self, iterable)

    def extend(self, iterable, /):
        if iterable is self:
            iterable = list(iterable)
        for chunk in chunks(iterable):
            _c.deque.extend(self, chunk)

    def extendleft(self, iterable, /):
        if iterable is self:
            iterable = list(iterable)
        for chunk in chunks(iterable):
            _c.deque.extendleft(self, chunk)

    def __iadd__(self, other):
        self.extend(other)
        return self

    def _check_repeat(self, n):
        # exact values: a sandbox subclass's own __gt__, __len__ or maxlen would answer the
        # check while CPython's C code repeats by the raw ones
        if isinstance(n, int) and type(n) is not bool:
            n = int.__index__(n)    # (an object only claiming to be an int fails here)
        if isinstance(n, int) and n > 1:
            size = _c.deque.__len__(self) * n
            maxlen = _DEQUE_MAXLEN(self)
            if maxlen is not None:
                size = min(size, maxlen)
            need_items(size)
            charge(size)

    def __mul__(self, n):
        self._check_repeat(n)
        return _c.deque.__mul__(self, n)

    def __rmul__(self, n):
        self._check_repeat(n)
        return _c.deque.__rmul__(self, n)

    def __imul__(self, n):
        self._check_repeat(n)
        return _c.deque.__imul__(self, n)

    def rotate(self, n=1, /):
        size = _c.deque.__len__(self)
        if size:
            charge(min(abs(int.__index__(n)) if isinstance(n, int) else size, size))
        return _c.deque.rotate(self, n)

    # each compares its argument with the items natively: estimated first (a deque of lists
    # sharing sublists could take 2**40 steps)
    def count(self, value, /):
        policy.precheck_search(self, value)
        return _c.deque.count(self, value)

    def index(self, value, *args):
        policy.precheck_search(self, value)
        return _c.deque.index(self, value, *args)

    def remove(self, value, /):
        policy.precheck_search(self, value)
        return _c.deque.remove(self, value)


deque.__module__ = "collections"
# the VM walks deques like lists when it estimates a comparison
_sys.modules["monty._core"].limits_set_deque_type(_c.deque)


# ------------------------------------------------------------------ ChainMap

class ChainMap(_abc.MutableMapping):
    """CPython's ChainMap, with every call on the underlying maps made through the gate."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def _keys(self):
        seen = {}
        for mapping in reversed(self.maps):
            for chunk in chunks(mapping):
                for key in chunk:
                    seen[key] = None
        return seen

    def __len__(self):
        return len(self._keys())

    def __iter__(self):
        return sandbox_iter(list(self._keys()))

    def __contains__(self, key):
        charge(len(self.maps))
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(_dict_fromkeys(dict, iterable, *args))

    def copy(self):
        return self.__class__(sandbox_getattr(self.maps[0], "copy")(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            sandbox_getattr(m, "update")(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}") from None

    def popitem(self):
        try:
            return sandbox_getattr(self.maps[0], "popitem")()
        except KeyError:
            raise KeyError("No keys found in the first mapping.") from None

    def pop(self, key, *args):
        try:
            return sandbox_getattr(self.maps[0], "pop")(key, *args)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}") from None

    def clear(self):
        sandbox_getattr(self.maps[0], "clear")()

    def update(self, other=None, /, **kwds):
        _update_pairs(self, _op.setitem, other, kwds, "update")

    def keys(self):
        return list(self._keys())

    def values(self):
        return [self[k] for k in self._keys()]

    def items(self):
        return [(k, self[k]) for k in self._keys()]

    def __eq__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        return dict(self.items()) == dict(sandbox_getattr(other, "items")())

    def __ior__(self, other):
        sandbox_getattr(self.maps[0], "update")(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        m = self.copy()
        sandbox_getattr(m.maps[0], "update")(other)
        return m

    def __ror__(self, other):
        if not isinstance(other, _abc.Mapping):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


ChainMap.__module__ = "collections"


# ------------------------------------------------------------------ namedtuple

_MAX_FIELDS = 10_000


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        count = len(field_names.replace(",", " ").split())
    else:
        field_names = list(chunk_item for chunk in chunks(field_names) for chunk_item in chunk)
        count = len(field_names)
    if count > _MAX_FIELDS:
        raise ValueError(f"namedtuple() supports at most {_MAX_FIELDS} fields in the sandbox")
    charge(16 * (count + 1))
    for value in [typename] + ([field_names] if isinstance(field_names, str) else field_names):
        if not isinstance(value, str):
            break
    if module is not None and not isinstance(module, str):
        raise TypeError("namedtuple() module must be a string")
    cls = _c.namedtuple(typename, field_names, rename=rename, defaults=defaults,
                        module=module if module is not None else "__main__")
    mark_sandbox_class(cls)
    return cls


# ------------------------------------------------------------------ the gate's tables

def _descr(tp, names):
    return {name: getattr(tp, name) for name in names.split()}


_DICT_LIKE = "clear get items keys pop popitem setdefault values"

METHODS = {
    _c.Counter: dict(
        _descr(Counter, "update subtract elements most_common copy total " + _DICT_LIKE),
        fromkeys=policy._make_classmethod(_c.Counter, "fromkeys")),
    OrderedDict: dict(_descr(_c.OrderedDict, "move_to_end popitem copy " + _DICT_LIKE),
                      update=OrderedDict.update,
                      fromkeys=policy._make_classmethod(OrderedDict, "fromkeys")),
    defaultdict: dict(_descr(_c.defaultdict, "copy __missing__"), update=defaultdict.update,
                      fromkeys=policy._make_classmethod(defaultdict, "fromkeys")),
    deque: dict(_descr(deque, "append appendleft clear copy count extend extendleft index "
                              "insert pop popleft remove reverse rotate")),
    ChainMap: _descr(ChainMap, "get copy new_child pop popitem clear update keys values "
                               "items setdefault"),
}
METHODS[ChainMap]["fromkeys"] = policy._make_classmethod(ChainMap, "fromkeys")

ATTRIBUTES = {
    defaultdict: ("default_factory",),
    deque: ("maxlen",),
    ChainMap: ("maps", "parents"),
}

WRITABLE = {defaultdict: ("default_factory",)}

TP_NAMES = {OrderedDict: "collections.OrderedDict", defaultdict: "collections.defaultdict",
            deque: "collections.deque"}

TYPES = (Counter, OrderedDict, defaultdict, deque, ChainMap)


def build(vm):
    from . import SandboxModule
    return {
        "Counter": Counter,
        "OrderedDict": OrderedDict,
        "defaultdict": defaultdict,
        "deque": deque,
        "ChainMap": ChainMap,
        "namedtuple": namedtuple,
        "abc": SandboxModule("collections.abc", _abc_module.build(vm)),
    }


# how snapshots keep a ChainMap: its list of maps (see monty/snapshot.py)
SNAPSHOT_FIELDS = {ChainMap: {"maps": "list"}}
