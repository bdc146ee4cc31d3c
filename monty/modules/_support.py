"""Helpers shared by the sandbox modules written in host Python (no NAME: not importable by
sandbox code).

Host code that walks a sandbox-controlled number of items counts its work with `charge`;
iteration over sandbox values goes through the VM's own `iter` (same iterators, same error
messages as the eval loop); attribute reads on sandbox values go through the VM's `getattr`
(the one attribute gate).
"""

import sys
import time as _time
import weakref as _weakref
from pathlib import Path
from types import FunctionType as _FunctionType
from itertools import islice as _islice

from .. import policy

# this package is imported while the VM module initialises: its classes and `charge` exist
# already, its builtins table not yet (bound on first use)
_core = sys.modules["monty._core"]
SandboxIter = _core.SandboxIter
charge = _core.charge
_vm_iter = _vm_getattr = None

CHUNK = 1024


def build_internal(vm, name, source, prefix, exports, extra=None):
    """The exports of a module written in sandbox Python, built for `vm`. Compiling its fixed
    source (once a process, tens to hundreds of milliseconds) is not the sandbox's work: the
    running sandbox's deadline moves by the time it takes. Running the module's code counts."""
    from .._shared import code_cache as _code_cache
    started = _time.perf_counter()
    _code_cache.get(source, internal=(f"<{name}>", prefix))
    spent = _time.perf_counter() - started
    if vm.deadline:
        vm.deadline += spent
    return _core.build_internal_module(vm, name, source, prefix, list(exports), dict(extra or {}))


def sandbox_source(name):
    """The text of a module written in sandbox Python: monty/modules/_sandbox/<name>.py, a
    real file (read as data, never imported by the host) that the VM compiles and runs."""
    path = Path(__file__).with_name("_sandbox") / f"{name}.py"
    return path.read_text(encoding="utf-8")


def private_helpers(**functions):
    """Host functions a module written in sandbox Python calls as `_b_<name>`: registered in
    the builtins table under '.<name>', a name sandbox code cannot spell (the `builtins`
    module leaves them out) and that snapshots record by name. Each must take only exact
    builtin values it validates itself."""
    from .._shared import BUILTINS
    for name, fn in functions.items():
        key = "." + name
        if BUILTINS.get(key, fn) is not fn:
            raise RuntimeError(f"private helper {name!r} is registered twice")
        BUILTINS[key] = fn


def exact_str(value, what):
    """`value` as an exact str (a subclass's own methods never run on the host), else
    TypeError naming `what`."""
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    raise TypeError(f"{what} must be str, not {type_name(value)}")


def exact_bytes(value, what):
    if type(value) is bytes:
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(memoryview(value))
    raise TypeError(f"{what} must be bytes, not {type_name(value)}")


def _bind():
    global _vm_iter, _vm_getattr
    builtins = _core.make_builtins()
    _vm_iter = builtins["iter"]
    _vm_getattr = builtins["getattr"]


def sandbox_iter(obj):
    """The VM's iter(obj): its iterators, its error messages."""
    if _vm_iter is None:
        _bind()
    return _vm_iter(obj)


def sandbox_getattr(obj, name, *default):
    """The VM's getattr(): every read passes the sandbox's attribute gate."""
    if _vm_getattr is None:
        _bind()
    return _vm_getattr(obj, name, *default)


_type_dict = type.__dict__["__dict__"].__get__
_MARKER = "__monty_class__"


def is_sandbox_class(cls):
    """Whether `cls` is a class sandbox code defined (or one treated like it)."""
    if not isinstance(cls, type):
        return False
    if _MARKER in _type_dict(cls):
        return True
    classes = getattr(_core, "_sandbox_classes", None)
    return classes is not None and cls in classes


_mro_of = type.__dict__["__mro__"].__get__
_checked_methods = _weakref.WeakSet()
_self_checked_made = _weakref.WeakKeyDictionary()     # func -> its self_checked method


def self_checked(cls, func):
    """`func`, a method host code defined on `cls`, behind a check that its first argument is
    an instance of `cls` (by the real MRO of its type). Read on a class sandbox code treats as
    its own, a method is a plain function that could be called with any object as `self`:
    a dataclass's generated __init__ would then write attributes of host objects the gate
    keeps read-only (a compiled pattern's sandbox reference, a shared class's), and other
    methods would read or write their fixed attribute names on them."""
    if func in _checked_methods:
        return func
    made = _self_checked_made.get(func)
    if made is not None:
        return made

    def method(*args, **kwargs):
        if not args or cls not in _mro_of(type(args[0])):
            got = type_name(args[0]) if args else "nothing"
            raise TypeError(f"descriptor '{func.__name__}' for '{cls.__name__}' objects "
                            f"doesn't apply to a '{got}' object")
        return func(*args, **kwargs)
    method.__name__ = func.__name__
    method.__qualname__ = func.__qualname__
    method.__doc__ = func.__doc__
    method.__module__ = func.__module__
    method.__wrapped__ = func       # (inspect.signature: a dataclass's docstring; the gate
                                    # never hands a host function's dunders out)
    _checked_methods.add(method)
    _self_checked_made[func] = method
    return method


def check_methods(cls):
    """Every plain host function in `cls`'s own namespace made self_checked (sandbox functions
    are not plain functions; static and class methods are left as they are)."""
    for name, value in list(_type_dict(cls).items()):
        if type(value) is _FunctionType and value not in _checked_methods:
            type.__setattr__(cls, name, self_checked(cls, value))


def mark_sandbox_class(cls):
    """Treat `cls` (made here for sandbox code, e.g. a namedtuple) like a class it defined;
    the methods host code defined on it check their `self` (self_checked)."""
    check_methods(cls)
    setattr(cls, _MARKER, True)
    classes = getattr(_core, "_sandbox_classes", None)
    if classes is not None:
        classes.add(cls)


def is_vm_code(obj):
    """Whether calling or iterating `obj` runs sandbox code or calls the host: a sandbox
    function, method, class or instance, a generator, a host function."""
    t = type(obj)
    return (t is _core.Function or t is _core.BoundMethod or t is _core.HostFunction
            or t is _core.Generator or is_sandbox_class(t) or is_sandbox_class(obj))


def loops_generator(name, *args):
    """A generator of monty/modules/_loops.py (written in sandbox Python) over `args`, made
    for the running sandbox: its callbacks run as frames of the VM and can pause."""
    from . import _loops
    return _loops.function(_core.current_vm(), name)(*args)


def type_name(obj):
    """The type name CPython's messages use for `obj` (its tp_name: 'collections.deque')."""
    return _core.sandbox_type_name(obj)


def need(nbytes):
    """Refuse a result of about `nbytes` bytes before building it."""
    policy.check_alloc(nbytes)


def need_items(n):
    """Refuse a container of `n` items before building it."""
    if n > 0:
        policy.check_alloc(policy.list_size(n))


def chunks(iterable):
    """The items of a sandbox iterable in lists of at most CHUNK items, the work charged."""
    it = sandbox_iter(iterable)
    while True:
        chunk = list(_islice(it, CHUNK))
        if not chunk:
            return
        charge(len(chunk))
        yield chunk
        if len(chunk) < CHUNK:
            return


def materialize(iterable):
    """list(iterable), charged and size-checked as it grows."""
    if type(iterable) is list or type(iterable) is tuple:
        charge(len(iterable))
        return list(iterable)
    out = []
    for chunk in chunks(iterable):
        out.extend(chunk)
        if len(out) % (64 * CHUNK) < CHUNK:
            need_items(len(out))
    return out
