"""`copy` for sandbox code, without CPython's pickle protocol.

CPython's copy module rebuilds objects from what `__reduce_ex__` returns, which sandbox code
can steer (a class's `__reduce__` could name any callable and have attributes set on any
object it returns). Here only the sandbox's own kinds of values are copied: plain containers
by value, instances of sandbox classes by creating a new instance of the same class and
copying its attribute dict (or through its own `__copy__`/`__deepcopy__`,
`__getstate__`/`__setstate__`), the collections types through their constructors; functions,
classes and other immutable values are returned as they are. Everything else is refused with
CPython's "cannot pickle" TypeError. All work is charged.
"""

import functools as _functools
import sys as _sys
import types as _types

from . import collections as _col
from . import pathlib as _pathlib
from ._support import charge, is_sandbox_class, type_name

NAME = "copy"


class Error(Exception):
    pass


Error.__module__ = "copy"
EXCEPTIONS = (Error,)

_ATOMIC = (type(None), int, float, bool, complex, str, bytes, range, slice, type(Ellipsis),
           type(NotImplemented), type, _types.BuiltinFunctionType, _types.FunctionType)


def _core():
    return _sys.modules["monty._core"]


def _is_atomic(x):
    core = _core()
    t = type(x)
    if t in _ATOMIC or isinstance(x, type):
        return True
    return t in (core.Function, core.VMBuiltin, core.HostFunction) or t.__name__ == "OpaqueType"


def _sandbox_defines(cls, name):
    """The sandbox function `name` found on a sandbox class's MRO, or None."""
    for klass in cls.__mro__:
        if is_sandbox_class(klass) and name in klass.__dict__:
            return klass.__dict__[name]
        if klass is object:
            break
    return None


def _refuse(x):
    return TypeError(f"cannot pickle '{type_name(x)}' object")


def _new_like(x, deep, memo):
    """A new instance of x's sandbox class with x's state."""
    cls = type(x)
    if isinstance(x, BaseException):
        y = cls.__new__(cls, *x.args)
    elif isinstance(x, (tuple, int, float, str, bytes, frozenset)):
        base = next(b for b in cls.__mro__ if b in (tuple, int, float, str, bytes, frozenset))
        value = base(x)
        if deep and base in (tuple, frozenset):
            value = base(_deep(v, memo) for v in value)
        y = base.__new__(cls, value)
    else:
        y = cls.__new__(cls)
    if type(y) is not cls:
        raise TypeError(f"cannot copy '{type_name(x)}' object: __new__ returned "
                        f"'{type_name(y)}'")
    if deep:
        memo[id(x)] = y
    if isinstance(x, list):
        items = list.__iter__(x)
        for item in items:
            charge(1)
            list.append(y, _deep(item, memo) if deep else item)
    elif isinstance(x, dict):
        for k, v in dict.items(x):
            charge(1)
            dict.__setitem__(y, _deep(k, memo) if deep else k, _deep(v, memo) if deep else v)
    elif isinstance(x, set):
        for item in set.__iter__(x):
            charge(1)
            set.add(y, _deep(item, memo) if deep else item)
    getstate = _sandbox_defines(cls, "__getstate__")
    if getstate is not None:
        state = getstate(x)
    else:
        try:
            state = object.__getattribute__(x, "__dict__")
        except AttributeError:
            state = None
        slots = {}
        for klass in cls.__mro__:
            if is_sandbox_class(klass):
                names = klass.__dict__.get("__slots__", ())
                if isinstance(names, str):
                    names = (names,)
                for name in names:
                    if isinstance(name, str) and name not in ("__dict__", "__weakref__"):
                        try:
                            slots[name] = object.__getattribute__(x, name)
                        except AttributeError:
                            pass
        if slots:
            state = (state, slots)
    if state is None:
        return y
    if deep:
        state = _deep(state, memo)
    setstate = _sandbox_defines(cls, "__setstate__")
    if setstate is not None:
        setstate(y, state)
        return y
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        charge(len(state))
        object.__getattribute__(y, "__dict__").update(state)
    if slots:
        for name, value in slots.items():
            setattr(y, name, value)
    return y


def _copy_known(x, deep, memo):
    """Copies of bound methods, functools.partial, the collections types and pathlib's
    paths, or None."""
    t = type(x)
    if t is _core().BoundMethod:
        # CPython rebuilds it as getattr(obj, name): a deep copy is bound to a copy of obj
        return t(x.func, _deep(x.self_obj, memo) if deep else x.self_obj)
    if t is _functools.partial:
        charge(len(x.args) + len(x.keywords))
        if not deep:
            return _functools.partial(x.func, *x.args, **x.keywords)
        return _functools.partial(_deep(x.func, memo), *_deep(x.args, memo),
                                  **_deep(x.keywords, memo))
    if isinstance(x, _pathlib.PurePath):
        charge(len(x.parts))
        return type(x)(x)
    d = (lambda v: _deep(v, memo)) if deep else (lambda v: v)
    if isinstance(x, _col.deque):
        charge(len(x))
        return type(x)([d(v) for v in x], x.maxlen)
    if isinstance(x, _col.defaultdict):
        charge(len(x))
        return type(x)(x.default_factory, [(d(k), d(v)) for k, v in x.items()])
    if isinstance(x, _col.ChainMap):
        return type(x)(*[d(m) if deep else m for m in x.maps]) if deep else x.copy()
    if isinstance(x, (_col.Counter, _col.OrderedDict)) or type(x).__module__ == "collections":
        charge(len(x))
        y = type(x)()
        for k, v in dict.items(x):
            y[d(k)] = d(v)
        return y
    return None


def copy(x):
    if _is_atomic(x):
        return x
    t = type(x)
    charge(1)
    if t is list:
        charge(len(x))
        return list(x)
    if t is dict:
        charge(len(x))
        return dict(x)
    if t is set:
        charge(len(x))
        return set(x)
    if t is bytearray:
        return bytearray(x)
    if t in (tuple, frozenset):
        return x
    if is_sandbox_class(t):
        own = _sandbox_defines(t, "__copy__")
        if own is not None:
            return own(x)
        return _new_like(x, False, None)
    known = _copy_known(x, False, None)
    if known is not None:
        return known
    if isinstance(x, BaseException) and t.__module__ == "builtins":
        y = t(*x.args)
        return y
    raise _refuse(x)


def _deep(x, memo):
    if _is_atomic(x):
        return x
    key = id(x)
    y = memo.get(key, memo)
    if y is not memo:
        return y
    charge(1)
    t = type(x)
    if t is list:
        y = []
        memo[key] = y
        for item in x:
            charge(1)
            y.append(_deep(item, memo))
    elif t is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            charge(1)
            y[_deep(k, memo)] = _deep(v, memo)
    elif t is set:
        charge(len(x))
        y = {_deep(item, memo) for item in x}
    elif t is frozenset:
        charge(len(x))
        y = frozenset(_deep(item, memo) for item in x)
    elif t is tuple:
        charge(len(x))
        items = [_deep(item, memo) for item in x]
        y = memo.get(key, memo)
        if y is not memo:
            return y
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif t is bytearray:
        y = bytearray(x)
    elif is_sandbox_class(t):
        own = _sandbox_defines(t, "__deepcopy__")
        if own is not None:
            y = own(x, memo)
        else:
            y = _new_like(x, True, memo)
    else:
        y = _copy_known(x, True, memo)
        if y is None:
            if isinstance(x, BaseException) and t.__module__ == "builtins":
                y = t(*[_deep(a, memo) for a in x.args])
            else:
                raise _refuse(x)
    memo[key] = y
    keep = memo.get(id(memo))
    if keep is None:
        memo[id(memo)] = [x]
    else:
        keep.append(x)
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    elif type(memo) is not dict:
        raise TypeError(f"deepcopy() memo must be a dict, not {type_name(memo)}")
    return _deep(x, memo)


def build(vm):
    return {"copy": copy, "deepcopy": deepcopy, "Error": Error, "error": Error}
