"""The registry of modules sandbox code can import: one file per module in this package.

A module file defines `NAME` (its dotted import name) and `build(vm) -> dict` returning the
names it exports. It may also define, for the objects it hands out:
  `TYPES`       classes sandbox code may see with type(), test with isinstance and subclass;
  `METHODS`     {type: {name: callable taking the object first}}: the methods it may call;
  `ATTRIBUTES`  {type: names}: data attributes it may read;
  `WRITABLE`    {type: names}: data attributes it may also assign;
  `TP_NAMES`    {class: "module.name"}: the dotted name CPython's messages use for the C type
                the class stands for (its `__name__` stays the short one);
  `EXCEPTIONS`  exception classes it may raise and catch.
Everything else on those objects stays unreachable. Modules are built once per sandbox, on
first import.
"""

import importlib as _importlib     # (the name importlib is this package's module of that name)
import pkgutil
import sys as _sys
import threading as _threading

from .. import policy
from ..compiler import INTERNAL_SOURCES


class SandboxModule:
    """A module as sandbox code sees it: a name and its exported attributes."""

    __slots__ = ("__name__", "_attrs")

    def __init__(self, name, attrs):
        self.__name__ = name
        self._attrs = dict(attrs)

    def get(self, name):
        try:
            return self._attrs[name]
        except KeyError:
            raise AttributeError(f"module '{self.__name__}' has no attribute '{name}'") from None

    def names(self):
        return sorted(self._attrs)

    def __repr__(self):
        return f"<module '{self.__name__}'>"


_FILES = {}           # dotted name -> python module implementing it
EXCEPTIONS = set()    # extra exception classes the sandbox may use
READABLE = {}         # type -> attribute names sandbox code may read on its instances
WRITABLE = {}         # type -> attribute names sandbox code may also assign
TYPES = set()         # classes from modules that sandbox code may name and subclass


_discovered = False
_discover_lock = _threading.RLock()


def _discover():
    """Import every module file (files starting with '_' are helpers), once, on first use.

    Several threads may ask at once: the first does the work under a lock, the others wait
    for it; the flag is set only once every table is complete, so no thread ever sees a
    registry that is still being filled."""
    global _discovered
    if _discovered:
        return
    with _discover_lock:
        if _discovered:
            return
        _load_all()
        _discovered = True


def _load_all():
    from . import _loops
    for source, prefix in _loops.SOURCES:
        INTERNAL_SOURCES[source] = (_loops.FILENAME, prefix)
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        mod = _importlib.import_module(f"{__name__}.{info.name}")
        name = getattr(mod, "NAME", None)
        if name:
            _FILES[name] = mod
            for tp, names in getattr(mod, "ATTRIBUTES", {}).items():
                READABLE[tp] = frozenset(names) | READABLE.get(tp, frozenset())
            EXCEPTIONS.update(getattr(mod, "EXCEPTIONS", ()))
            TYPES.update(getattr(mod, "TYPES", ()))
            TYPES.update(getattr(mod, "EXCEPTIONS", ()))
            for tp, methods in getattr(mod, "METHODS", {}).items():
                policy.METHODS.setdefault(tp, {}).update(methods)
            for tp, dotted in getattr(mod, "TP_NAMES", {}).items():
                policy.TP_NAMES[tp] = dotted
                _sys.modules["monty._core"].set_tp_name(tp, dotted)
            for tp, names in getattr(mod, "WRITABLE", {}).items():
                WRITABLE[tp] = frozenset(names) | WRITABLE.get(tp, frozenset())
            source = getattr(mod, "SOURCE", None)
            if source is not None:
                INTERNAL_SOURCES[source] = (f"<{name}>", mod.PREFIX)


def load(name, vm):
    """A fresh SandboxModule for `name`, or None if there is no such module."""
    _discover()
    mod = _FILES.get(name)
    if mod is None:
        hosts = vm.host_modules     # the Sandbox's `modules=` (monty/_hostmods.py)
        return hosts.build(name, vm) if hosts is not None else None
    available = getattr(mod, "available", None)
    if available is not None and not available(vm):
        return None         # a module this Sandbox was not given (os without files/environ)
    return SandboxModule(name, mod.build(vm))


_star_all = {}


def star_names(module):
    """The names `from module import *` binds: its `__all__`; else its public names (for a
    standard module, those CPython's own module lists in its `__all__`, when it has one)."""
    if type(module) is not SandboxModule:
        raise ImportError("'from ... import *' needs a module")
    attrs = module._attrs
    names = attrs.get("__all__")
    if names is not None:
        if type(names) not in (list, tuple) or any(type(n) is not str for n in names):
            raise TypeError(f"{module.__name__}.__all__ must be a list of str")
        return list(names)
    names = [n for n in sorted(attrs) if not n.startswith("_")]
    if module.__name__ in _FILES:
        allowed = _star_all.get(module.__name__)
        if allowed is None:
            try:      # (the host's standard library: read once per module, nothing runs on it)
                real = _importlib.import_module(module.__name__)
                allowed = frozenset(getattr(real, "__all__", None) or ()) or frozenset(names)
            except ImportError:
                allowed = frozenset(names)
            _star_all[module.__name__] = allowed
        names = [n for n in names if n in allowed]
    return names


def internal_source(source):
    """(file name, global-name prefix) when `source` is the text of a module written in
    sandbox Python, else None."""
    _discover()
    return INTERNAL_SOURCES.get(source)


def internal_module_names():
    """Names of the modules written in sandbox Python (their globals are prefixed)."""
    _discover()
    return frozenset(name for name, mod in _FILES.items() if hasattr(mod, "SOURCE"))


def internal_module_prefixes():
    """The global-name prefixes of the modules written in sandbox Python ("urllib.parse.")."""
    _discover()
    from . import _loops
    return frozenset([mod.PREFIX for mod in _FILES.values() if hasattr(mod, "SOURCE")]
                     + [prefix for _, prefix in _loops.SOURCES])


def available():
    """The modules every Sandbox can import (not those a Sandbox has only when the host
    gives it something: `os` with files= or environ=)."""
    _discover()
    return sorted(name for name, mod in _FILES.items() if not hasattr(mod, "available"))
