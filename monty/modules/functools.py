"""`functools` for sandbox code.

partial, cmp_to_key, lru_cache/cache and cached_property are CPython's (their C code only
calls what it is given and hashes/compares arguments); reduce walks its input in charged
chunks; wraps/update_wrapper copy names through the attribute gate; total_ordering only
ever adds methods to classes the sandbox defined.
"""

import functools as _ft
import sys as _sys
import types as _types

from ._support import charge, chunks, is_sandbox_class, sandbox_getattr, sandbox_iter, type_name

NAME = "functools"

_EMPTY = object()


def reduce(*args):
    if len(args) < 2:
        raise TypeError(f"reduce expected at least 2 arguments, got {len(args)}")
    if len(args) > 3:
        raise TypeError(f"reduce expected at most 3 arguments, got {len(args)}")
    function, iterable, initial = args[0], args[1], args[2:]
    try:
        it = sandbox_iter(iterable)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    value = initial[0] if initial else _EMPTY
    for chunk in chunks(it):
        for item in chunk:
            if value is _EMPTY:
                value = item
            else:
                value = function(value, item)
    if value is _EMPTY:
        raise TypeError("reduce() of empty iterable with no initial value")
    return value


WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Copy the wrapped function's names onto a sandbox function (or a sandbox object)."""
    core = _sys.modules["monty._core"]
    for attr in ("__name__", "__qualname__"):
        if attr not in assigned:
            continue
        try:
            value = sandbox_getattr(wrapped, attr)
        except AttributeError:
            continue
        if type(wrapper) is core.Function:
            if type(value) is str:
                if attr == "__name__":
                    wrapper.name = value
                else:
                    wrapper.qualname = value
        elif is_sandbox_class(type(wrapper)):
            setattr(wrapper, attr, value)
    if type(wrapper) is core.Function:
        attrs = wrapper.attrs
        if attrs is None:
            attrs = wrapper.attrs = {}
        if "__dict__" in updated and type(wrapped) is core.Function and wrapped.attrs:
            attrs.update(wrapped.attrs)
        attrs["__wrapped__"] = wrapped
    elif is_sandbox_class(type(wrapper)):
        try:
            wrapper.__dict__["__wrapped__"] = wrapped
        except (AttributeError, TypeError):
            pass
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


_CONVERT = {
    "__lt__": [("__gt__", lambda self, other: _ft._gt_from_lt(self, other)),
               ("__le__", lambda self, other: _ft._le_from_lt(self, other)),
               ("__ge__", lambda self, other: _ft._ge_from_lt(self, other))],
    "__le__": [("__ge__", lambda self, other: _ft._ge_from_le(self, other)),
               ("__lt__", lambda self, other: _ft._lt_from_le(self, other)),
               ("__gt__", lambda self, other: _ft._gt_from_le(self, other))],
    "__gt__": [("__lt__", lambda self, other: _ft._lt_from_gt(self, other)),
               ("__ge__", lambda self, other: _ft._ge_from_gt(self, other)),
               ("__le__", lambda self, other: _ft._le_from_gt(self, other))],
    "__ge__": [("__le__", lambda self, other: _ft._le_from_ge(self, other)),
               ("__gt__", lambda self, other: _ft._gt_from_ge(self, other)),
               ("__lt__", lambda self, other: _ft._lt_from_ge(self, other))],
}


def total_ordering(cls):
    """Fill in the missing ordering methods of a class the sandbox defined."""
    if not is_sandbox_class(cls):
        raise TypeError(f"total_ordering() needs a class defined by sandbox code, "
                        f"not {type_name(cls)!r}")
    roots = {op for op in _CONVERT if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)
    for opname, opfunc in _CONVERT[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


class singledispatch:
    """@singledispatch: dispatch on the class of the first argument (classes given to
    `register` explicitly; annotations are not read)."""

    __slots__ = ("_default", "_registry", "_name")

    def __init__(self, func):
        self._default = func
        self._registry = {object: func}
        try:
            self._name = sandbox_getattr(func, "__name__")
        except AttributeError:
            self._name = "singledispatch function"

    def register(self, cls, func=None):
        classes = None
        if isinstance(cls, type):
            classes = (cls,)
        elif type(cls) is _types.UnionType and all(isinstance(a, type) for a in cls.__args__):
            classes = cls.__args__
        if classes is None:
            if func is not None:
                raise TypeError(f"Invalid first argument to `register()`. {cls!r} is not a "
                                f"class or union type.")
            raise TypeError(f"Invalid first argument to `register()`: {cls!r}. Use either "
                            f"`@register(some_class)` or plain `@register` on an annotated "
                            f"function.")
        if func is None:
            return lambda f: self.register(cls, f)
        for klass in classes:
            self._registry[klass] = func
        return func

    def dispatch(self, cls):
        registry = self._registry
        mro = cls.__mro__ if isinstance(cls, type) else (object,)
        for klass in mro:
            if klass in registry:
                best = klass
                break
        else:
            best = object
        # a registered abstract class that cls is a virtual subclass of, if more specific
        for klass in registry:
            if klass not in mro and isinstance(cls, type) and issubclass(cls, klass) and (
                    best is object or issubclass(klass, best)):
                best = klass
        return registry[best]

    @property
    def registry(self):
        return dict(self._registry)

    def __call__(self, *args, **kwargs):
        if not args:
            raise TypeError(f"{self._name} requires at least 1 positional argument")
        return self.dispatch(type(args[0]))(*args, **kwargs)

    def __repr__(self):
        return f"<singledispatch function {self._name}>"


singledispatch.__module__ = "functools"

partial = _ft.partial
# (CPython's descriptor: its __get__ binds the sandbox function given and wraps it in a
# partial; its own attributes stay behind the gate except those listed below)
partialmethod = _ft.partialmethod
class KeyWrapper:
    """cmp_to_key(mycmp), and the key it makes of each value: compared through mycmp, as
    CPython's C KeyWrapper (its fields readable by a snapshot)."""

    __slots__ = ("cmp", "_obj")

    def __init__(self, cmp, obj=_EMPTY):
        self.cmp = cmp
        self._obj = obj

    @property
    def obj(self):
        return None if self._obj is _EMPTY else self._obj

    def __call__(self, *args, **kwargs):
        if kwargs or len(args) != 1:
            if kwargs:
                raise TypeError("K() takes no keyword arguments")
            raise TypeError(f"K() takes exactly 1 positional argument ({len(args)} given)")
        charge(1)           # (sorted() makes one per item before any comparison runs)
        return KeyWrapper(self.cmp, args[0])

    def _compare(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError("other argument must be K instance")
        if self._obj is _EMPTY or other._obj is _EMPTY:
            raise AttributeError("object")
        return self.cmp(self._obj, other._obj)

    def __lt__(self, other):
        return self._compare(other) < 0

    def __le__(self, other):
        return self._compare(other) <= 0

    def __gt__(self, other):
        return self._compare(other) > 0

    def __ge__(self, other):
        return self._compare(other) >= 0

    def __eq__(self, other):
        return self._compare(other) == 0

    def __ne__(self, other):
        return self._compare(other) != 0

    __hash__ = None


KeyWrapper.__module__ = "functools"


def cmp_to_key(mycmp):
    return KeyWrapper(mycmp)

cached_property = _ft.cached_property


_CacheInfo = type(_ft.lru_cache()(lambda: None).cache_info())
_KWD_MARK = object()
_MISS = object()


def _make_key(args, kwds, typed):
    """CPython's cache key: the arguments, a marker and the keyword items, their types when
    typed; a lone int or str argument is its own key."""
    key = args
    if kwds:
        key += (_KWD_MARK,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


class _lru_cache_wrapper:
    """lru_cache's wrapper, as CPython's C one behaves (hits, misses, least recently used
    first out), with its cache in a dict a snapshot can keep: keys in use order."""

    def __init__(self, func, maxsize, typed):
        self.__wrapped__ = func
        self._maxsize = maxsize
        self._typed = typed
        self._cache = {}
        self._hits = 0
        self._misses = 0

    def __call__(self, *args, **kwds):
        charge(1)
        maxsize = self._maxsize
        if maxsize == 0:
            self._misses += 1
            return self.__wrapped__(*args, **kwds)
        key = _make_key(args, kwds, self._typed)
        cache = self._cache
        result = cache.get(key, _MISS)
        if result is not _MISS:
            self._hits += 1
            if maxsize is not None:
                del cache[key]              # (the most recently used goes last)
                cache[key] = result
            return result
        self._misses += 1
        result = self.__wrapped__(*args, **kwds)
        if maxsize is not None:
            if key in cache:
                return result               # (the call itself cached it)
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
        cache[key] = result
        return result

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return _types.MethodType(self, obj)

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = self._misses = 0

    def cache_parameters(self):
        return {"maxsize": self._maxsize, "typed": self._typed}

    def __repr__(self):
        return f"<functools._lru_cache_wrapper object at {id(self):#x}>"


_lru_cache_wrapper.__module__ = "functools"


def _wrap(func, maxsize, typed):
    wrapper = _lru_cache_wrapper(func, maxsize, typed)
    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            value = sandbox_getattr(func, attr)
        except AttributeError:
            continue
        if value is None or type(value) is str:
            object.__setattr__(wrapper, attr, value)
    return wrapper


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        return _wrap(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')
    maxsize = None if maxsize is None else int(maxsize)

    def decorating_function(user_function):
        return _wrap(user_function, maxsize, typed)
    return decorating_function


def cache(user_function, /):
    return _wrap(user_function, None, False)

_lru_type = _lru_cache_wrapper

METHODS = {
    singledispatch: {"register": singledispatch.register, "dispatch": singledispatch.dispatch},
    _lru_type: {"cache_info": _lru_type.cache_info, "cache_clear": _lru_type.cache_clear,
                "cache_parameters": lambda f: f.cache_parameters()},
}
ATTRIBUTES = {
    singledispatch: ("registry",),
    _ft.partial: ("func", "args", "keywords"),
    _ft.partialmethod: ("func", "args", "keywords"),
    _CacheInfo: ("hits", "misses", "maxsize", "currsize"),
    _lru_cache_wrapper: ("__wrapped__", "__name__", "__qualname__", "__doc__", "__module__"),
    KeyWrapper: ("obj",),
}

# how snapshots keep this module's values (see monty/snapshot.py)
SNAPSHOT_FIELDS = {
    _lru_cache_wrapper: {"__wrapped__": "callable", "_maxsize": "int?", "_typed": "bool",
                         "_cache": "dict", "_hits": "int", "_misses": "int",
                         "__module__": "any", "__name__": "any", "__qualname__": "any",
                         "__doc__": "any"},
    singledispatch: {"_default": "callable", "_registry": "dict", "_name": "any"},
    KeyWrapper: {"cmp": "callable", "_obj": "any"},
}
SNAPSHOT_NAMED = {"kwd_mark": _KWD_MARK, "empty": _EMPTY}
for _root, _pairs in _CONVERT.items():
    for _opname, _opfunc in _pairs:
        SNAPSHOT_NAMED[f"total_ordering{_root}{_opname}"] = _opfunc
METHODS[_CacheInfo] = {"_asdict": _CacheInfo._asdict, "count": tuple.count, "index": tuple.index}


def build(vm):
    # reduce, lru_cache and cache are written in sandbox Python (monty/modules/_loops.py):
    # the functions they call run as frames of the VM, so host calls inside them pause
    from . import _loops
    return {
        "reduce": _loops.function(vm, "reduce"), "partial": partial,
        "lru_cache": _loops.function(vm, "lru_cache"), "cache": _loops.function(vm, "cache"),
        "wraps": wraps, "update_wrapper": update_wrapper, "total_ordering": total_ordering,
        "cmp_to_key": cmp_to_key, "cached_property": cached_property,
        "singledispatch": singledispatch, "partialmethod": partialmethod,
        "WRAPPER_ASSIGNMENTS": WRAPPER_ASSIGNMENTS, "WRAPPER_UPDATES": WRAPPER_UPDATES,
    }
