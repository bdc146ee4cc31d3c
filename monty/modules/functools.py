"""`functools` for sandbox code.

partial and cached_property are CPython's (their C code only calls what it is given);
reduce, lru_cache and cache are written in sandbox Python (monty/modules/_sandbox/_loops_lib.py)
so the functions they call can pause; cmp_to_key's keys compare through the sandbox's own
comparator; wraps/update_wrapper copy names through the attribute gate; total_ordering only
ever adds methods to classes the sandbox defined.
"""

import functools as _ft
import sys as _sys
import types as _types

from ._support import _core, charge, is_sandbox_class, sandbox_getattr, type_name

NAME = "functools"

_EMPTY = object()


WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
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
        # __doc__ and __annotations__: a function's own (a str or None; the wrapped one's
        # dict, shared as CPython shares it)
        meta = wrapper.meta
        if meta is None:
            meta = wrapper.meta = {}
        if "__doc__" in assigned:
            try:
                doc = sandbox_getattr(wrapped, "__doc__")
            except AttributeError:
                doc = _EMPTY
            if doc is None or type(doc) is str:
                meta["__doc__"] = doc
        if "__annotations__" in assigned and type(wrapped) is core.Function and (
                wrapped.meta and type(wrapped.meta.get("__annotations__")) is dict):
            meta["__annotations__"] = wrapped.meta["__annotations__"]
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
    `register`, or the first annotation of a function given to a plain `@register`)."""

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
        if func is None and type(cls) is _sys.modules["monty._core"].Function:
            ann = cls.meta.get("__annotations__") if cls.meta else None
            if type(ann) is not dict or not ann:
                raise TypeError(f"Invalid first argument to `register()`: {cls!r}. Use either "
                                f"`@register(some_class)` or plain `@register` on an annotated "
                                f"function.")
            func = cls
            argname, cls = next(iter(dict.items(ann)))
            if type(cls) is str:
                from .typing import _resolve
                cls = _resolve(cls, {})
            if not (isinstance(cls, type) or (type(cls) is _types.UnionType and all(
                    isinstance(a, type) for a in cls.__args__))):
                raise TypeError(f"Invalid annotation for {argname!r}. {cls!r} is not a class.")
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
_core.register_cmp_key_type(KeyWrapper)      # sorted(xs, key=cmp_to_key(f)) runs in the VM


def cmp_to_key(mycmp):
    return KeyWrapper(mycmp)

cached_property = _ft.cached_property


_CacheInfo = type(_ft.lru_cache()(lambda: None).cache_info())
METHODS = {
    singledispatch: {"register": singledispatch.register, "dispatch": singledispatch.dispatch},
}
ATTRIBUTES = {
    singledispatch: ("registry",),
    _ft.partial: ("func", "args", "keywords"),
    _ft.partialmethod: ("func", "args", "keywords"),
    _CacheInfo: ("hits", "misses", "maxsize", "currsize"),
    KeyWrapper: ("obj",),
}

# how snapshots keep this module's values (see monty/snapshot.py)
SNAPSHOT_FIELDS = {
    singledispatch: {"_default": "callable", "_registry": "dict", "_name": "any"},
    KeyWrapper: {"cmp": "callable", "_obj": "any"},
}
SNAPSHOT_NAMED = {"empty": _EMPTY}
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
        "singledispatchmethod": _loops.function(vm, "singledispatchmethod"),
        "WRAPPER_ASSIGNMENTS": WRAPPER_ASSIGNMENTS, "WRAPPER_UPDATES": WRAPPER_UPDATES,
    }
