"""The attribute gate for CPython-native values, and safe replacements for builtin methods.

Every attribute that sandbox code reads from a CPython value (`x.attr`, `getattr`, a method
call, a `str.format` field such as `'{0.real}'`) passes `get_attribute`, which consults three
allow-lists:

- `METHODS`: per type, the public methods sandbox code may call, each mapped to a callable that
  takes the receiver first (a CPython method descriptor, or a wrapper defined here);
- `DATA_ATTRS`: per type, the readable non-method attributes;
- `SAFE_DUNDERS`: the only double-underscore names that are ever answered.

Methods are found through the receiver type's MRO, so `bool` gets `int`'s methods and every
exception class gets `BaseException`'s.

Methods that can allocate without bound (`str.ljust`, `str.join`, `str.replace`,
`str.format`, ...) are wrapped: the wrapper computes the size of the result before building
it and passes that size to `precheck` (a hook the VM's meter provides to enforce its memory limit);
independently of the hook, no single result larger than `MAX_SINGLE_ALLOC` is ever built.
Apart from refusing oversize requests, every wrapper behaves exactly like the CPython method
(same results, same exceptions and messages for bad arguments).

This module is pure Python and imports nothing from the VM. The VM gives it its meter once,
through `attach`: an object with a callable for each name of `HOOKS` (the meter of the running
sandbox and the VM's gates); until then each hook is the permissive default defined here.
"""

import builtins
import operator
import re
import sys
import threading
from collections import Counter
from types import BuiltinFunctionType, FunctionType, MethodWrapperType, WrapperDescriptorType

import _string

__all__ = [
    "METHODS", "DATA_ATTRS", "SAFE_DUNDERS", "VM_OVERRIDES", "CLASS_METHODS", "STATIC_METHODS",
    "EXPOSED_TYPES", "MAX_SINGLE_ALLOC", "MAX_NATIVE_STEPS",
    "precheck", "precheck_steps", "precheck_compare", "precheck_search", "precheck_walk",
    "precheck_sort", "type_of", "format_value", "convert_str", "convert_repr",
    "convert_ascii", "format_getattr", "format_getitem",
    "lookup_method", "lookup_data", "get_attribute", "has_attribute", "base_attribute",
    "BoundWrapper", "OpaqueType",
    "safe_format", "safe_format_map", "safe_format_value", "safe_percent",
    "bury", "materialize", "check_alloc", "check_repeat", "check_iterable", "check_pow", "check_lshift",
    "range_contains", "binary_op", "builtin_base", "base_of", "exact_int", "base_len",
    "sandbox_overrides", "HOOKS", "attach",
    "str_size", "bytes_size", "list_size", "tuple_size", "hashed_size",
]

# ---------------------------------------------------------------------------------------------
# Limits and hooks

MAX_SINGLE_ALLOC = 1 << 31
"""No single result larger than this many bytes is ever built, whatever `precheck` says."""

MAX_NATIVE_STEPS = 10 ** 8
"""No single native operation may be asked to walk more than this many items of a `range`
(MemoryError beyond it, like an oversize result), whatever `precheck_steps` says."""


HOOKS = ("precheck", "precheck_steps", "precheck_compare", "precheck_search", "precheck_walk",
         "precheck_sort", "binary_op", "bury", "type_of", "format_getattr", "convert_str",
         "convert_repr", "convert_ascii", "format_value")
"""What the VM's meter provides (see `attach`)."""


def attach(meter):
    """Take the VM's meter: `meter` has a callable for each name of HOOKS, which this module's
    functions (and sandbox modules, as `policy.<name>`) call from then on."""
    hooks = {name: getattr(meter, name, None) for name in HOOKS}
    missing = [name for name, fn in hooks.items() if not callable(fn)]
    if missing:
        raise TypeError(f"the meter lacks {', '.join(missing)}")
    globals().update(hooks)


def precheck(nbytes):
    """Hook: called with the (approximate) size in bytes of a result about to be built.

    The default accepts everything; the VM's meter (see `attach`) checks it against the
    memory limit and raises when the result would not fit.
    """


def precheck_steps(nsteps):
    """Hook: called with the number of items a native operation is about to walk
    (e.g. `set.isdisjoint(range(10**12))`). The default accepts everything."""


def precheck_compare(a, b):
    """Hook: `a` and `b` are about to be compared by native code (which goes through nested
    lists, tuples, dicts... item by item). The default accepts everything."""


def precheck_search(seq, item):
    """Hook: `item` is about to be compared with each item of `seq` (count, index, remove,
    `in`), or looked up in it when it is a dict or set. The default accepts everything."""


def precheck_walk(obj, factor=1.0):
    """Hook: native code is about to compare or hash each item of `obj` about `factor` times
    (building a set, a heap, bisecting...). The default accepts everything."""


def binary_op(code, a, b):
    """Hook: `a (op) b` for the compiler's binary operator `code` (0 add .. 12 matmul, the
    in-place forms from 13) through the eval loop's checks. The VM installs it; this default
    only computes."""
    names = ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift",
             "and_", "or_", "xor", "matmul")
    name = names[code % 13]
    if code >= 13:
        name = "i" + name.rstrip("_")
    return getattr(operator, name)(a, b)


def precheck_sort(seq):
    """Hook: native code is about to sort the list `seq`. The default accepts everything."""


def bury(obj):
    """Hook: keep `obj` (a partial result dropped by an exception) alive until the VM chooses
    to free it, so that a limit error returns without first deallocating it."""


_building = threading.local()     # per thread (a VM runs on one thread at a time)


def building():
    """The partial lists of this thread's running `materialize` calls (the VM's live walk
    counts them). Per thread: another thread's sandbox never sees, nor removes, them."""
    return _building.__dict__.get("lists", ())


def materialize(iterable):
    """list(iterable), handing the partial list to `bury` if the iteration raises. While it
    fills, the list is in `building()`, where the VM's memory measure sees it (a generator of
    10 MB strings joined)."""
    lists = _building.__dict__.get("lists")
    if lists is None:
        lists = _building.lists = []
    seq = []
    lists.append(seq)
    try:
        seq.extend(iterable)
    except BaseException:
        bury(seq)
        raise
    finally:
        for i in range(len(lists) - 1, -1, -1):
            if lists[i] is seq:
                del lists[i]
                break
    return seq


def check_alloc(nbytes):
    """Refuse to build a result of `nbytes` bytes: calls the `precheck` hook, then enforces
    `MAX_SINGLE_ALLOC` (MemoryError) independently of it."""
    precheck(nbytes)
    if nbytes > MAX_SINGLE_ALLOC:
        raise MemoryError(
            f"refusing to build a result of about {nbytes} bytes in one operation "
            f"(the sandbox allows at most {MAX_SINGLE_ALLOC} bytes per result)")


def _check_steps(nsteps):
    precheck_steps(nsteps)
    if nsteps > MAX_NATIVE_STEPS:
        raise MemoryError(
            f"refusing to walk {nsteps} items in one native operation "
            f"(the sandbox allows at most {MAX_NATIVE_STEPS})")


def _need(nbytes, validate=None):
    """check_alloc(nbytes); if it refuses and `validate` is given, first call `validate()`, a
    cheap call of the real method with the size-driving argument shrunk, so that a call CPython
    would reject for another reason raises CPython's own error rather than the refusal."""
    if validate is None:
        check_alloc(nbytes)
        return
    try:
        check_alloc(nbytes)
    except BaseException:
        validate()
        raise


# ---------------------------------------------------------------------------------------------
# The size model: sizes of the objects CPython builds (bytes-ish: what sys.getsizeof would
# report). One estimate per kind of object for every layer: policy's wrappers, sandbox modules
# (`list_size`...) and the VM's pre-checks and running estimate (which reads these constants)

# (measured on freshly built strings: the cached one-character strings of 3.12+ also carry
# a UTF-8 copy)
_ASCII_HDR = sys.getsizeof("".join(["a", "b"])) - 3     # PyASCIIObject; 1 byte a char, a NUL
_UCS_HDR = sys.getsizeof("".join(["\xe9", "\xe9"])) - 3  # PyCompactUnicodeObject
_BYTES_HDR = sys.getsizeof(b"") - 1
_LIST_HDR = sys.getsizeof([])
_LIST_SLACK = 24     # a list's item table is a block of its own: the allocator rounds both
                     # (a fresh [x] takes 80-88 bytes where getsizeof says 64)
_TUPLE_HDR = sys.getsizeof(())
_HASHED_HDR = sys.getsizeof(set())              # a dict or set, and per item a table slot
_HASHED_SLOT = 64                               # (with the spare room the table keeps)
_INT_ITEM = 32                                 # an int object made while iterating a range
_PTR = 8


def _kind(s):
    """Storage kind of a str: 0 for ASCII, else bytes per character (1, 2 or 4). O(1); may
    overstate the kind of a string that carries a cached UTF-8 copy."""
    if type(s) is not str:
        # a subclass instance: str's own methods (no override runs); its size says nothing
        return 0 if str.isascii(s) else 4
    if s.isascii():
        return 0
    n = len(s)
    if n == 1:
        return _char_kind(ord(s))
    k = (sys.getsizeof(s) - _UCS_HDR) // (n + 1)
    return 1 if k <= 1 else (2 if k == 2 else 4)


def _char_kind(code):
    return 0 if code < 128 else (1 if code < 256 else (2 if code < 65536 else 4))


def _str_size(nchars, kind):
    if kind == 0:
        return _ASCII_HDR + nchars + 1
    return _UCS_HDR + (nchars + 1) * kind


def _bytes_size(n):
    return _BYTES_HDR + n + 1


def list_size(n):
    """A list of `n` items (its own size: the items are counted apart)."""
    return _LIST_HDR + _LIST_SLACK + _PTR * n


def tuple_size(n):
    return _TUPLE_HDR + _PTR * n


def hashed_size(n):
    """A dict or set of `n` items."""
    return _HASHED_HDR + _HASHED_SLOT * n


str_size = _str_size
bytes_size = _bytes_size


def _seq_size(seq, nitems):
    """Size of a str/bytes/bytearray of `nitems` characters with the same kind as `seq`."""
    if type(seq) is str or base_of(seq) is str:
        return _str_size(nitems, _kind(seq))
    return _bytes_size(nitems)


def _is_a(obj, tp):
    """isinstance(obj, tp) from obj's real type only (isinstance may consult __class__)."""
    return tp in _mro(type(obj))


# ---------------------------------------------------------------------------------------------
# Builtin bases: every pre-check and cost estimate judges an instance of a sandbox subclass of a
# builtin as its builtin base (the base's C implementation does the work). The exact-type tests
# stay the fast path; these run only when they miss.

_CHECKED_BASES = (int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset)
_CHECKED_BASE_SET = frozenset(_CHECKED_BASES)
_SANDBOX_MARKER = "__monty_class__"


def builtin_base(t):
    """The first builtin of `_CHECKED_BASES` on type `t`'s real MRO (bool counts as int), or None."""
    if t in _CHECKED_BASE_SET:
        return t
    if t is bool:
        return int
    try:
        mro = _mro(t)
    except TypeError:
        return None
    for k in mro:
        if k in _CHECKED_BASE_SET:
            return k
    return None


def base_of(obj):
    """builtin_base(type(obj))."""
    t = type(obj)
    if t in _CHECKED_BASE_SET:
        return t
    return builtin_base(t)


def exact_int(x):
    """`x` as an exact int if it is an int (an instance of a subclass too, read through int's
    own slot: no override runs), else None."""
    t = type(x)
    if t is int:
        return x
    if t is bool or base_of(x) is int:
        return int.__index__(x)
    return None


def exact_float(x):
    t = type(x)
    if t is float:
        return x
    if base_of(x) is float:
        return float.__float__(x)
    return None


def base_len(obj, base=None):
    """len(obj) by its builtin base's own length (a subclass's __len__ override never runs)."""
    if base is None:
        base = base_of(obj)
    return base.__len__(obj)


def sandbox_overrides(t, name):
    """Whether attribute `name` of type `t` resolves to a sandbox class's own definition (an
    override that runs sandbox code) rather than to a builtin's implementation."""
    try:
        mro = _mro(t)
    except TypeError:
        return False
    for k in mro:
        d = _type_dict(k)
        if name in d:
            return _SANDBOX_MARKER in d
    return False


def exact_str(s):
    """A str subclass instance's characters as an exact str (str's own slot), else `s`."""
    return _exact(s, str)


def _is_type(obj):
    return type in _mro(type(obj))


_TO_EXACT = {str: str.__str__, bytes: bytes.__bytes__, int: int.__int__, float: float.__float__,
             complex: complex.__complex__, tuple: lambda t: tuple.__getitem__(t, slice(None)),
             frozenset: frozenset.copy}


def _exact(obj, tp):
    """`obj` as an exact `tp` when it is an instance of a subclass of the immutable builtin
    `tp` (a copy of its value, made without calling any override of the subclass), so that a
    wrapper checks and runs on the value itself; anything else unchanged."""
    t = type(obj)
    if t is not tp and tp in _mro(t):
        convert = _TO_EXACT.get(tp)
        if convert is not None:
            return convert(obj)
    return obj


def _range_len(r):
    start, stop, step = r.start, r.stop, r.step
    if step > 0:
        return max(0, (stop - start + step - 1) // step)
    return max(0, (start - stop - step - 1) // (-step))


def _iter_cost(it):
    """(number of items, extra bytes per item made while iterating) for builtin sized
    iterables; None for anything else (whose iteration the VM governs)."""
    t = type(it)
    if t is range:
        return _range_len(it), _INT_ITEM
    if t not in _SIZED_TYPES:
        b = builtin_base(t)
        if b not in _SIZED_TYPES:
            return None
        # a subclass instance: its base's items (an __iter__ override runs in the VM: its
        # items are counted there, the base's length only overstates)
        n = b.__len__(it)
        if b is str:
            return n, (0 if _kind(it) <= 1 else _str_size(1, 2))
        return n, 0
    if t is str:
        # one-character strs are shared for Latin-1; others are made one per item
        return len(it), (0 if _kind(it) <= 1 else _str_size(1, 2))
    if t is _dict_items:
        return len(it), _TUPLE_HDR + 2 * _PTR
    if t in _SIZED_TYPES:
        return len(it), 0
    return None


def check_iterable(iterable, per_item=_PTR):
    """Pre-check a native operation that materialises `iterable` into a container costing
    `per_item` bytes per item (8 for a list or tuple, ~64 for a set or dict; 0 when nothing is
    kept). Walking a range counts as steps. Unknown iterables are the VM's business."""
    cost = _iter_cost(iterable)
    if cost is None:
        return
    n, extra = cost
    if type(iterable) is range:
        _check_steps(n)
    if per_item:
        check_alloc(_LIST_HDR + n * (per_item + extra))


def check_repeat(seq, n):
    """Pre-check `seq * n` for str, bytes, bytearray, list and tuple. Returns None; raises when
    the result would be too big. When the product overflows a C ssize_t CPython raises its own
    OverflowError/MemoryError without allocating, so that case is left to it."""
    if type(n) is not int:
        n = exact_int(n)
        if n is None:
            return
    t = type(seq)
    if t not in _REPEATABLE:
        t = builtin_base(t)
        if t not in _REPEATABLE:
            return
    length = t.__len__(seq)
    if n <= 1 or length == 0:
        return
    total = length * n
    if total > sys.maxsize:
        return
    if t is str:
        nbytes = _str_size(total, _kind(seq))
    elif t is bytes or t is bytearray:
        nbytes = _bytes_size(total)
    elif t is list:
        nbytes = _LIST_HDR + total * _PTR
    else:
        nbytes = _TUPLE_HDR + total * _PTR
    check_alloc(nbytes)


def check_pow(base, exp, mod=None):
    """Pre-check `base ** exp` (and `pow(base, exp)`) for ints: the size of the result."""
    if mod is not None:
        return
    if type(base) is not int or type(exp) is not int:
        base, exp = exact_int(base), exact_int(exp)
        if base is None or exp is None:
            return
    if exp <= 1:
        return
    if -1 <= base <= 1:
        return
    bits = exp * (abs(base).bit_length() - (1 if _is_pow2(abs(base)) else 0))
    if bits > 64:
        check_alloc(_INT_ITEM + bits // 8)


def _is_pow2(n):
    return n & (n - 1) == 0


def check_lshift(value, shift):
    """Pre-check `value << shift` for ints."""
    if type(value) is not int or type(shift) is not int:
        value, shift = exact_int(value), exact_int(shift)
        if value is None or shift is None:
            return
    if shift <= 64 or not value:
        return
    check_alloc(_INT_ITEM + (value.bit_length() + shift) // 8)


# ---------------------------------------------------------------------------------------------
# Types

_NoneType = type(None)
_EllipsisType = type(Ellipsis)
_NotImplementedType = type(NotImplemented)
_dict_keys = type({}.keys())
_dict_values = type({}.values())
_dict_items = type({}.items())
_BaseExceptionGroup = getattr(builtins, "BaseExceptionGroup", None)

_SIZED_TYPES = frozenset({str, bytes, bytearray, list, tuple, dict, set, frozenset,
                          _dict_keys, _dict_values, _dict_items})
_REPEATABLE = frozenset({str, bytes, bytearray, list, tuple})

_EXCEPTION_TYPES = tuple(sorted(
    {v for v in vars(builtins).values() if isinstance(v, type) and issubclass(v, BaseException)},
    key=lambda c: c.__name__))

EXPOSED_TYPES = (bool, int, float, complex, str, bytes, bytearray, list, tuple, dict, set,
                 frozenset, range, slice, _NoneType, _EllipsisType, _NotImplementedType,
                 _dict_keys, _dict_values, _dict_items) + _EXCEPTION_TYPES
"""The builtin types and builtin exception classes sandbox code may hold and name."""

_EXPOSED_SET = frozenset(EXPOSED_TYPES)

# Types whose instances never compare equal to an int (used to answer range searches
# without walking the range).
_NEVER_EQUAL_INT = frozenset({str, bytes, bytearray, list, tuple, dict, set, frozenset, range,
                              slice, _NoneType, _EllipsisType, _NotImplementedType, _dict_keys,
                              _dict_values, _dict_items}) | frozenset(_EXCEPTION_TYPES)


class OpaqueType:
    """Stands for a type sandbox code may not hold (what `type(x)` gives for, e.g., a builtin
    function): it has a name and a repr, and nothing else. `name` is CPython's dotted type
    name ("itertools.pairwise"); `__name__` is its last part, as on the real type."""

    __slots__ = ("__name__", "__qualname__", "_full")

    def __init__(self, name):
        short = name.rpartition(".")[2]
        object.__setattr__(self, "__name__", short)
        object.__setattr__(self, "__qualname__", short)
        object.__setattr__(self, "_full", name)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set '{name}' attribute of immutable type '{self.__name__}'")

    def __delattr__(self, name):
        raise AttributeError(
            f"cannot delete '{name}' attribute of immutable type '{self.__name__}'")

    def __repr__(self):
        return f"<class '{self._full}'>"

    def __call__(self, *args, **kwargs):
        raise TypeError(f"cannot create '{self._full}' instances")

    def __reduce__(self):
        return (_opaque, (self._full,))


_OPAQUE = {}


def _opaque(name):
    t = _OPAQUE.get(name)
    if t is None:
        t = _OPAQUE.setdefault(name, OpaqueType(name))
    return t


def type_of(obj):
    """Hook: what `type(obj)` gives sandbox code. The default returns the real type when it is
    in EXPOSED_TYPES, else a shared `OpaqueType` of the same name. The VM replaces it with a
    version that also knows its own classes."""
    tp = type(obj)
    if tp in _EXPOSED_SET:
        return tp
    if tp is BoundWrapper:
        return _opaque("builtin_function_or_method")
    if tp is FunctionType and obj in _WRAPPER_INFO:
        return _opaque("method_descriptor")
    if tp is OpaqueType:
        return _opaque("type")
    return _opaque(tp_name(tp))


class BoundWrapper:
    """A wrapper method bound to its receiver: what `'abc'.ljust` gives sandbox code."""

    __slots__ = ("__func__", "__self__")

    def __init__(self, func, self_):
        object.__setattr__(self, "__func__", func)
        object.__setattr__(self, "__self__", self_)

    def __setattr__(self, name, value):
        raise AttributeError(f"'builtin_function_or_method' object attribute '{name}' is read-only")

    def __call__(self, *args, **kwargs):
        return self.__func__(self.__self__, *args, **kwargs)

    def __repr__(self):
        return (f"<built-in method {self.__func__.__name__} of "
                f"{type(self.__self__).__name__} object at {id(self.__self__):#x}>")

    def __eq__(self, other):
        if type(other) is not BoundWrapper:
            return NotImplemented
        return self.__self__ is other.__self__ and self.__func__ is other.__func__

    def __ne__(self, other):
        if type(other) is not BoundWrapper:
            return NotImplemented
        return not (self.__self__ is other.__self__ and self.__func__ is other.__func__)

    def __hash__(self):
        return hash((id(self.__self__), self.__func__))

    def __reduce__(self):
        return (BoundWrapper, (self.__func__, self.__self__))


# ---------------------------------------------------------------------------------------------
# Wrappers

# wrapper function -> (owner type, method name, kind) with kind in {"method", "class", "static"}
_WRAPPER_INFO = {}


def _register(tp, name, kind="method"):
    real = tp.__dict__[name]

    def deco(fn):
        fn.__name__ = name
        fn.__qualname__ = f"{tp.__name__}.{name}"
        fn.__doc__ = getattr(real, "__doc__", None)
        _WRAPPER_INFO[fn] = (tp, name, kind)
        return fn

    return deco


_REQUIRED = object()


def _arg(args, kwargs, i, name, default=_REQUIRED):
    if len(args) > i:
        return args[i]
    if name is not None and kwargs and name in kwargs:
        return kwargs[name]
    return default


def _with_arg(args, kwargs, i, name, value):
    if len(args) > i:
        return args[:i] + (value,) + args[i + 1:], kwargs
    if name is not None and kwargs and name in kwargs:
        kwargs = dict(kwargs)
        kwargs[name] = value
    return args, kwargs


# --- padding: center ljust rjust zfill ---------------------------------------------------------

def _make_pad(tp, name):
    real = tp.__dict__[name]
    maxargs = 1 if name == "zfill" else 2

    @_register(tp, name)
    def pad(self, *args, **kwargs):
        if type(self) is not tp:
            self = _exact(self, tp)
        if type(self) is not tp or kwargs or not args or len(args) > maxargs:
            return real(self, *args, **kwargs)
        width = args[0]
        if type(width) is not int:
            width = operator.index(width)
            args = (width,) + args[1:]
        if width <= len(self) or width > sys.maxsize:
            return real(self, *args)
        if tp is str:
            kind = _kind(self)
            if len(args) > 1 and type(args[1]) is str and len(args[1]) == 1:
                kind = max(kind, _char_kind(ord(args[1])))
            nbytes = _str_size(width, kind)
        else:
            nbytes = _bytes_size(width)
        try:
            check_alloc(nbytes)
        except BaseException:
            real(self, 0, *args[1:])    # CPython's own error for a bad fill character
            raise
        return real(self, *args)

    return pad


# --- expandtabs ----------------------------------------------------------------------------------

def _make_expandtabs(tp):
    real = tp.__dict__["expandtabs"]
    tab = "\t" if tp is str else b"\t"

    @_register(tp, "expandtabs")
    def expandtabs(self, *args, **kwargs):
        if type(self) is not tp:
            self = _exact(self, tp)
        if type(self) is not tp or len(args) > 1:
            return real(self, *args, **kwargs)
        tabsize = _arg(args, kwargs, 0, "tabsize", 8)
        if type(tabsize) is not int:
            tabsize = operator.index(tabsize)
            args, kwargs = _with_arg(args, kwargs, 0, "tabsize", tabsize)
        if 1 < tabsize <= 0x7FFFFFFF:
            ntabs = self.count(tab)
            if ntabs:
                _need(_seq_size(self, len(self) + ntabs * (tabsize - 1)),
                      lambda: real(self[:0], *args, **kwargs))
        return real(self, *args, **kwargs)

    return expandtabs


# --- join -----------------------------------------------------------------------------------------

def _is_iterable(obj):
    return _exists((type(obj),), "__iter__") or _exists((type(obj),), "__getitem__")


_str_len = str.__len__
_str_isascii = str.isascii


def _make_join(tp):
    real = tp.__dict__["join"]
    item_types = (str,) if tp is str else (bytes, bytearray)

    @_register(tp, "join")
    def join(self, *args, **kwargs):
        if type(self) is not tp:
            self = _exact(self, tp)
        if type(self) is not tp or kwargs or len(args) != 1:
            return real(self, *args, **kwargs)
        it = args[0]
        t = type(it)
        if t is list or t is tuple:
            seq = it
        elif t is range:
            check_iterable(it, _PTR)    # CPython materialises the range first
            seq = list(it[:1])          # its items are ints: the join fails on the first one
        elif not _is_iterable(it):
            return real(self, it)   # "can only join an iterable"
        else:
            seq = materialize(it)
        if not seq:
            return real(self, seq)
        if tp is str:
            # str.__len__ and str.isascii refuse non-str items without running their code
            try:
                total = sum(map(_str_len, seq)) + len(self) * (len(seq) - 1)
                ascii_only = self.isascii() and all(map(_str_isascii, seq))
            except TypeError:
                return real(self, seq)   # CPython checks every item before allocating
            kind = 0 if ascii_only else max(_kind(self), max(map(_kind, seq)))
            nbytes = _str_size(total, kind)
        else:
            if not set(map(type, seq)).issubset(item_types):
                return real(self, seq)
            nbytes = _bytes_size(sum(map(len, seq)) + len(self) * (len(seq) - 1))
        check_alloc(nbytes)
        return real(self, seq)

    return join


# --- replace -------------------------------------------------------------------------------------

def _make_replace(tp):
    real = tp.__dict__["replace"]
    arg_types = (str,) if tp is str else (bytes, bytearray)

    @_register(tp, "replace")
    def replace(self, *args, **kwargs):
        if type(self) is not tp:
            self = _exact(self, tp)
        # (count is positional-only up to 3.12, a keyword too from 3.13)
        if (type(self) is not tp or not 2 <= len(args) <= 3
                or (kwargs and (len(args) == 3 or set(kwargs) != {"count"}))):
            return real(self, *args, **kwargs)
        old, new = args[0], args[1]
        if type(old) not in arg_types or type(new) not in arg_types:
            return real(self, *args, **kwargs)
        count = _arg(args, kwargs, 2, "count", -1)
        if type(count) is not int:
            count = operator.index(count)
            args, kwargs = _with_arg(args, kwargs, 2, "count", count)
        if len(new) > len(old) and count != 0:
            n = self.count(old)
            if 0 <= count < n:
                n = count
            nchars = len(self) + n * (len(new) - len(old))
        else:
            nchars = len(self)
        if tp is str:
            nbytes = _str_size(nchars, max(_kind(self), _kind(new)))
        else:
            nbytes = _bytes_size(nchars)
        try:
            check_alloc(nbytes)
        except BaseException:
            real(self[:0], *args, **kwargs)     # CPython's own error for a bad call shape
            raise
        return real(self, *args, **kwargs)

    return replace


# --- split, rsplit, splitlines --------------------------------------------------------------------

_STR_SPACES = tuple(chr(c) for c in (
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
    0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
    0x2028, 0x2029, 0x202F, 0x205F, 0x3000))
_STR_ASCII_SPACES = tuple(c for c in _STR_SPACES if ord(c) < 128)
_BYTES_SPACES = (b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x0c")
_STR_LINEBREAKS = tuple(chr(c) for c in (0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85,
                                         0x2028, 0x2029))
_STR_ASCII_LINEBREAKS = tuple(c for c in _STR_LINEBREAKS if ord(c) < 128)
_BYTES_LINEBREAKS = (b"\n", b"\r")


def _count_any(s, needles):
    return sum(s.count(c) for c in needles)


def _parts_size(self, nparts):
    """Upper bound of the size of a list of `nparts` parts of `self` (plus the parts)."""
    if type(self) is str:
        kind = _kind(self)
        hdr = _ASCII_HDR + 1 if kind == 0 else _UCS_HDR + max(kind, 1)
        chars = len(self) * max(kind, 1)
    else:
        hdr = _BYTES_HDR + 1
        chars = len(self)
    return _LIST_HDR + nparts * (_PTR + hdr) + chars


def _make_split(tp, name):
    real = tp.__dict__[name]
    sep_types = (str,) if tp is str else (bytes, bytearray)
    if tp is str:
        spaces, ascii_spaces = _STR_SPACES, _STR_ASCII_SPACES
    else:
        spaces = ascii_spaces = _BYTES_SPACES

    @_register(tp, name)
    def split(self, *args, **kwargs):
        if type(self) is not tp:
            self = _exact(self, tp)
        if type(self) is not tp or len(args) > 2:
            return real(self, *args, **kwargs)
        sep = _arg(args, kwargs, 0, "sep", None)
        maxsplit = _arg(args, kwargs, 1, "maxsplit", -1)
        if type(maxsplit) is not int:
            maxsplit = operator.index(maxsplit)
            args, kwargs = _with_arg(args, kwargs, 1, "maxsplit", maxsplit)
        if sep is None:
            seps = _count_any(self, ascii_spaces if tp is bytes or self.isascii() else spaces)
        elif type(sep) in sep_types and len(sep):
            seps = self.count(sep)
        else:
            return real(self, *args, **kwargs)
        if 0 <= maxsplit < seps:
            seps = maxsplit
        check_alloc(_parts_size(self, seps + 1))
        return real(self, *args, **kwargs)

    return split


def _make_splitlines(tp):
    real = tp.__dict__["splitlines"]
    if tp is str:
        breaks, ascii_breaks = _STR_LINEBREAKS, _STR_ASCII_LINEBREAKS
    else:
        breaks = ascii_breaks = _BYTES_LINEBREAKS

    @_register(tp, "splitlines")
    def splitlines(self, *args, **kwargs):
        if type(self) is not tp:
            self = _exact(self, tp)
        if type(self) is not tp:
            return real(self, *args, **kwargs)
        n = _count_any(self, ascii_breaks if tp is not str or self.isascii() else breaks)
        check_alloc(_parts_size(self, n + 1))
        return real(self, *args, **kwargs)

    return splitlines


# --- str.translate --------------------------------------------------------------------------------

_real_str_translate = str.translate


@_register(str, "translate")
def _str_translate(self, *args, **kwargs):
    if type(self) is not str:
        self = _exact(self, str)
    if type(self) is not str or kwargs or len(args) != 1:
        return _real_str_translate(self, *args, **kwargs)
    table = args[0]
    if type(table) is not dict:
        # Resolve the table once per distinct character (CPython asks it per character), so
        # that the size of the result is known before it is built.
        resolved = {}
        for o in set(map(ord, self)):
            try:
                resolved[o] = table[o]
            except LookupError:
                pass
        table = resolved
    maxlen = 1
    kind = _kind(self)
    for v in table.values():
        tv = type(v)
        if tv is str:
            if len(v) > maxlen:
                maxlen = len(v)
            if kind < 4:
                kind = max(kind, _kind(v))
        elif tv is int and 0 <= v < 0x110000:
            kind = max(kind, _char_kind(v))
    nchars = len(self)
    if maxlen > 1 and nchars:
        bound = nchars * maxlen
        if _str_size(bound, kind) > (1 << 20):
            growing = [(k, len(v) - 1) for k, v in table.items()
                       if type(v) is str and len(v) > 1 and type(k) is int and 0 <= k < 0x110000]
            if len(growing) <= 32:
                extra = sum(self.count(chr(k)) * g for k, g in growing)
            else:
                counts = Counter(self)
                extra = sum(counts.get(chr(k), 0) * g for k, g in growing)
            bound = nchars + extra
        nchars = bound
    check_alloc(_str_size(nchars, kind))
    return _real_str_translate(self, table)


# --- case changes, repr/ascii of a str, encode, decode, hex -----------------------------------------

# Characters per character of a case change, by the kind of the str (the worst character of
# its kind or below: 'ß'.upper() is 'SS', '\ufb03'.upper() is 'FFI'), and the kind of the
# result (latin-1 letters such as 'ÿ' change case into UCS-2). Measured over all code points.
_CASE_GROWTH = {1: (2, 2), 2: (3, 2), 4: (3, 4)}
_LOWER_GROWTH = {1: (1, 1), 2: (2, 2), 4: (2, 4)}
# Characters of the repr/ascii escape of one character, by kind: \xNN, \uNNNN, \UNNNNNNNN
_ESCAPE_CHARS = {0: 4, 1: 4, 2: 6, 4: 10}


def _make_case(name):
    real = str.__dict__[name]
    growth = _LOWER_GROWTH if name == "lower" else _CASE_GROWTH

    @_register(str, name)
    def case(self, *args, **kwargs):
        if type(self) is not str:
            self = _exact(self, str)
        if type(self) is not str or args or kwargs or len(self) < 1024 or self.isascii():
            return real(self, *args, **kwargs)
        per, kind = growth[_kind(self)]
        check_alloc(_str_size(len(self) * per, kind))
        return real(self)

    return case


def quoted_str_size(s, to_ascii):
    """Upper bound of the size of repr(s) (to_ascii false) or ascii(s) of a str `s`."""
    n = len(s)
    kind = _kind(s)
    if s.isprintable():
        # only the quotes and backslashes are escaped (ascii: and the non-ASCII characters)
        if to_ascii and kind:
            return _str_size(_ESCAPE_CHARS[kind] * n + 2, 0)
        return _str_size(2 * n + 2, kind)
    return _str_size(_ESCAPE_CHARS[kind] * n + 2, 0 if to_ascii else kind)


_ASCII_COMPATIBLE = frozenset((
    "utf-8", "ascii", "iso8859-1", "latin-1", "cp1252", "cp437", "cp850", "iso8859-15",
    "mac-roman", "koi8-r", "cp1251", "cp1250"))
_BYTES_PER_CHAR = {"utf-8": 4, "utf-16": 4, "utf-16-le": 4, "utf-16-be": 4, "utf-32": 4,
                   "utf-32-le": 4, "utf-32-be": 4, "unicode-escape": 10,
                   "raw-unicode-escape": 10, "utf-7": 8}
_CODE_UNIT = {"utf-16": 2, "utf-16-le": 2, "utf-16-be": 2, "utf-32": 4, "utf-32-le": 4,
              "utf-32-be": 4}
_PLAIN_ERRORS = frozenset(("strict", "ignore", "replace", "surrogateescape", "surrogatepass"))


def _codec_name(encoding):
    try:
        import codecs
        return codecs.lookup(encoding).name
    except Exception:
        return None


_real_str_encode = str.encode


def _codec_call(self, tp, args, kwargs):
    """(codec name, errors) of an encode/decode call worth checking; None for a small text,
    odd arguments or an unknown codec (CPython's own call gives its result or error)."""
    if type(self) is not tp or len(self) < 1024 or len(args) > 2:
        return None
    encoding = _arg(args, kwargs, 0, "encoding", "utf-8")
    errors = _arg(args, kwargs, 1, "errors", "strict")
    if type(encoding) is not str or type(errors) is not str:
        return None
    name = _codec_name(encoding)
    return None if name is None else (name, errors)


def _codec_steps(name, n):
    if name in ("punycode", "idna") and n > 1000:
        _check_steps(n * n // 100)      # pure-Python codecs, quadratic in the worst case


@_register(str, "encode")
def _str_encode(self, *args, **kwargs):
    if type(self) is not str:
        self = _exact(self, str)
    call = _codec_call(self, str, args, kwargs)
    if call is None:
        return _real_str_encode(self, *args, **kwargs)
    name, errors = call
    n = len(self)
    if self.isascii() and (name in _ASCII_COMPATIBLE or name in _BYTES_PER_CHAR) and not (
            name in _CODE_UNIT or name.endswith("escape")):
        per = 1
    else:
        # other codecs (CJK, iso2022 with its escape sequences, punycode, idna...): generously
        per = _BYTES_PER_CHAR.get(name, 1 if name in _ASCII_COMPATIBLE else 16)
    if errors not in _PLAIN_ERRORS:
        unit = _CODE_UNIT.get(name, 1)
        per = max(per, unit * (100 if errors == "namereplace" else 10))
    _need(_bytes_size(per * n + 4), lambda: _real_str_encode(self[:0], *args, **kwargs))
    _codec_steps(name, n)
    return _real_str_encode(self, *args, **kwargs)


def _make_decode(tp):
    real = tp.__dict__["decode"]

    @_register(tp, "decode")
    def decode(self, *args, **kwargs):
        if type(self) is not tp:
            self = _exact(self, tp)
        call = _codec_call(self, tp, args, kwargs)
        if call is None:
            return real(self, *args, **kwargs)
        name, errors = call
        n = len(self)
        # each character of the result comes from at least one byte (a code unit for UTF-16
        # and UTF-32); backslashreplace makes '\\xNN' of a byte
        if name in _ASCII_COMPATIBLE and self.isascii():
            nbytes = _str_size(n, 0)
        elif name in ("iso8859-1", "latin-1"):
            nbytes = _str_size(n, 1)
        else:
            nbytes = _str_size(n // _CODE_UNIT.get(name, 1), 4)
        if errors not in _PLAIN_ERRORS:
            nbytes = _str_size(4 * n, 4)
        _need(nbytes, lambda: real(self[:0], *args, **kwargs))
        _codec_steps(name, n)
        return real(self, *args, **kwargs)

    return decode


def _make_hex(tp):
    real = tp.__dict__["hex"]

    @_register(tp, "hex")
    def hexmethod(self, *args, **kwargs):
        if type(self) is not tp:
            self = _exact(self, tp)
        if type(self) is not tp or len(self) < 1024:
            return real(self, *args, **kwargs)
        # two digits a byte, and with a separator at most one separator a byte
        per = 3 if (args or kwargs) else 2
        _need(_str_size(per * len(self), 0), lambda: real(self[:0], *args, **kwargs))
        return real(self, *args, **kwargs)

    return hexmethod


# --- str.format / str.format_map ------------------------------------------------------------------

_real_str_format = str.format
_real_str_format_map = str.format_map


@_register(str, "format")
def _str_format(self, *args, **kwargs):
    if type(self) is not str:
        self = _exact(self, str)
    if type(self) is not str:
        return _real_str_format(self, *args, **kwargs)
    return safe_format(self, args, kwargs)


@_register(str, "format_map")
def _str_format_map(self, *args, **kwargs):
    if type(self) is not str:
        self = _exact(self, str)
    if type(self) is not str or kwargs or len(args) != 1:
        return _real_str_format_map(self, *args, **kwargs)
    return safe_format_map(self, args[0])


# --- containers: list.extend, set operations, dict.fromkeys, dict views, bytearray.extend ---------

def _make_search_method(tp, name):
    """Wrap a method that compares its first argument with each item (list.count, index,
    remove; tuple.count, index): the comparisons are estimated first."""
    real = tp.__dict__[name]

    @_register(tp, name)
    def method(self, *args, **kwargs):
        if args and _is_a(self, tp):
            precheck_search(self, args[0])
        return real(self, *args, **kwargs)

    return method


def _make_iter_method(tp, name, per_item):
    """Wrap a method whose positional arguments are iterables it walks (and, when `per_item`,
    keeps: that many bytes per item). Set-like receivers hash each item (and may compare it
    with an equal one): that is estimated too."""
    real = tp.__dict__[name]
    hashes = tp is not list and tp is not bytearray

    @_register(tp, name)
    def method(self, *args, **kwargs):
        if _is_a(self, tp) and not kwargs:
            for a in args:
                check_iterable(a, per_item)
                if hashes:
                    precheck_walk(a, 2.0)
        return real(self, *args, **kwargs)

    return method


_SET_ENTRY = 64
_DICT_ENTRY = 64

_real_dict_fromkeys = dict.__dict__["fromkeys"]


@_register(dict, "fromkeys", "class")
def _dict_fromkeys(cls_or_self, *args, **kwargs):
    cls = cls_or_self if _is_type(cls_or_self) else type(cls_or_self)
    if args and not kwargs:
        if _iter_cost(args[0]) is None and _exists((type(args[0]),), "__next__"):
            # a lazy iterator: collected where the memory measure sees it (a partial list is
            # buried on a limit error), then the dict is built from the list
            args = (materialize(args[0]),) + args[1:]
        check_iterable(args[0], _DICT_ENTRY)
        precheck_walk(args[0], 2.0)
    return _real_dict_fromkeys.__get__(None, cls)(*args, **kwargs)


# --- range.count / range.index / `in` -------------------------------------------------------------

def _range_search_key(x):
    """For a range search of `x`: ("int", value) when an int search gives the answer without
    walking, ("none",) when `x` can equal no int, or None when the range must be walked."""
    t = type(x)
    if t is int or t is bool:
        return ("int", x)
    if t is float:
        return ("int", int(x)) if x.is_integer() else ("none",)
    if t is complex:
        if x.imag == 0 and x.real.is_integer():
            return ("int", int(x.real))
        return ("none",)
    if t in _NEVER_EQUAL_INT:
        return ("none",)
    return None


def range_contains(r, x):
    """`x in r` for a range `r`, without walking the range when the answer is known."""
    key = _range_search_key(x)
    if key is None:
        _check_steps(_range_len(r))
        return x in r
    return key[0] == "int" and key[1] in r


_real_range_count = range.count
_real_range_index = range.index


@_register(range, "count")
def _range_count(self, *args, **kwargs):
    if type(self) is not range or kwargs or len(args) != 1:
        return _real_range_count(self, *args, **kwargs)
    x = args[0]
    key = _range_search_key(x)
    if key is None:
        _check_steps(_range_len(self))
        return _real_range_count(self, x)
    if key[0] == "int":
        return _real_range_count(self, key[1]) if type(x) is not int else _real_range_count(self, x)
    return 0


@_register(range, "index")
def _range_index(self, *args, **kwargs):
    if type(self) is not range or kwargs or len(args) != 1:
        return _real_range_index(self, *args, **kwargs)
    x = args[0]
    t = type(x)
    if t is int or t is bool:
        return _real_range_index(self, x)
    key = _range_search_key(x)
    if key is None:
        _check_steps(_range_len(self))
        return _real_range_index(self, x)
    if key[0] == "int" and key[1] in self:
        return _real_range_index(self, key[1])
    raise ValueError("sequence.index(x): x not in sequence")


# --- int.to_bytes / int.from_bytes / float.fromhex / bytes.fromhex --------------------------------

_real_int_to_bytes = int.to_bytes
_real_int_from_bytes = int.__dict__["from_bytes"]


@_register(int, "to_bytes")
def _int_to_bytes(self, *args, **kwargs):
    if type(self) is not int:
        self = _exact(self, int)
    if not _is_a(self, int) or len(args) > 2:
        return _real_int_to_bytes(self, *args, **kwargs)
    length = _arg(args, kwargs, 0, "length", 1)
    if type(length) is not int:
        length = operator.index(length)
        args, kwargs = _with_arg(args, kwargs, 0, "length", length)
    if 0 <= length <= sys.maxsize:
        small = max(1, (self.bit_length() + 8) // 8)
        if length > small:
            _need(_bytes_size(length),
                  lambda: _real_int_to_bytes(self, *_with_arg(args, kwargs, 0, "length", small)[0],
                                             **_with_arg(args, kwargs, 0, "length", small)[1]))
    return _real_int_to_bytes(self, *args, **kwargs)


@_register(int, "from_bytes", "class")
def _int_from_bytes(cls_or_self, *args, **kwargs):
    cls = cls_or_self if _is_type(cls_or_self) else type(cls_or_self)
    data = _arg(args, kwargs, 0, "bytes", None)
    if type(data) is range:
        # bytes(range) preallocates the whole length before failing at the first item > 255
        check_alloc(_bytes_size(_range_len(data)))
    return _real_int_from_bytes.__get__(None, cls)(*args, **kwargs)


def _make_classmethod(tp, name):
    real = tp.__dict__[name]

    @_register(tp, name, "class")
    def method(cls_or_self, *args, **kwargs):
        cls = cls_or_self if _is_type(cls_or_self) else type(cls_or_self)
        return real.__get__(None, cls)(*args, **kwargs)

    return method


def _make_staticmethod(tp, name):
    real = getattr(tp, name)

    @_register(tp, name, "static")
    def method(_self, *args, **kwargs):
        return real(*args, **kwargs)

    return method


# ---------------------------------------------------------------------------------------------
# The tables

def _descriptors(tp, names):
    return {n: tp.__dict__[n] for n in names.split() if n in tp.__dict__}


_STR_PLAIN = """capitalize casefold count encode endswith find index isalnum isalpha isascii
    isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper lower
    lstrip partition removeprefix removesuffix rfind rindex rpartition rstrip startswith strip
    swapcase title upper"""

_BYTES_PLAIN = """capitalize count decode endswith find hex index isalnum isalpha isascii
    isdigit islower isspace istitle isupper lower lstrip partition removeprefix removesuffix
    rfind rindex rpartition rstrip startswith strip swapcase title translate upper"""


def _string_methods(tp, plain):
    m = _descriptors(tp, plain)
    for name in ("center", "ljust", "rjust", "zfill"):
        m[name] = _make_pad(tp, name)
    m["expandtabs"] = _make_expandtabs(tp)
    m["join"] = _make_join(tp)
    m["replace"] = _make_replace(tp)
    m["split"] = _make_split(tp, "split")
    m["rsplit"] = _make_split(tp, "rsplit")
    m["splitlines"] = _make_splitlines(tp)
    m["maketrans"] = _make_staticmethod(tp, "maketrans")
    if tp is not str:
        m["fromhex"] = _make_classmethod(tp, "fromhex")
    return m


_str_methods = _string_methods(str, _STR_PLAIN)
for _name in ("upper", "lower", "title", "capitalize", "casefold", "swapcase"):
    _str_methods[_name] = _make_case(_name)
_str_methods["encode"] = _str_encode
_str_methods["translate"] = _str_translate
_str_methods["format"] = _str_format
_str_methods["format_map"] = _str_format_map

_bytes_methods = _string_methods(bytes, _BYTES_PLAIN)
_bytes_methods["decode"] = _make_decode(bytes)
_bytes_methods["hex"] = _make_hex(bytes)

_bytearray_methods = _string_methods(bytearray, _BYTES_PLAIN + " append clear copy insert pop "
                                                              "remove reverse")
_bytearray_methods["extend"] = _make_iter_method(bytearray, "extend", 1)
_bytearray_methods["decode"] = _make_decode(bytearray)
_bytearray_methods["hex"] = _make_hex(bytearray)

_list_methods = _descriptors(list, "append clear copy count index insert pop remove reverse sort")
for _name in ("count", "index", "remove"):
    _list_methods[_name] = _make_search_method(list, _name)
_list_methods["extend"] = _make_iter_method(list, "extend", _PTR)
_real_list_insert = list.insert


@_register(list, "insert")
def _list_insert(self, *args, **kwargs):
    # inserting moves the pointers after the index (a memmove of up to 8n bytes)
    if (type(self) is list or _is_a(self, list)) and list.__len__(self) > 4096:
        precheck_steps(list.__len__(self) >> 6)
    return _real_list_insert(self, *args, **kwargs)


_list_methods["insert"] = _list_insert

_dict_methods = _descriptors(dict, "clear copy get items keys pop popitem setdefault update values")
_dict_methods["fromkeys"] = _dict_fromkeys

_set_methods = _descriptors(set, "add clear copy discard pop remove")
for _name, _per_item in (("update", _SET_ENTRY), ("union", _SET_ENTRY),
                         ("symmetric_difference", _SET_ENTRY),
                         ("symmetric_difference_update", _SET_ENTRY),
                         ("issubset", _SET_ENTRY), ("difference", 0), ("difference_update", 0),
                         ("intersection", 0), ("intersection_update", 0), ("isdisjoint", 0),
                         ("issuperset", 0)):
    _set_methods[_name] = _make_iter_method(set, _name, _per_item)

_frozenset_methods = _descriptors(frozenset, "copy")
for _name, _per_item in (("union", _SET_ENTRY), ("symmetric_difference", _SET_ENTRY),
                         ("issubset", _SET_ENTRY), ("difference", 0), ("intersection", 0),
                         ("isdisjoint", 0), ("issuperset", 0)):
    _frozenset_methods[_name] = _make_iter_method(frozenset, _name, _per_item)

_int_methods = _descriptors(int, "as_integer_ratio bit_count bit_length conjugate is_integer")
_int_methods["to_bytes"] = _int_to_bytes
_int_methods["from_bytes"] = _int_from_bytes

_float_methods = _descriptors(float, "as_integer_ratio conjugate hex is_integer")
_float_methods["fromhex"] = _make_classmethod(float, "fromhex")

METHODS = {
    str: _str_methods,
    bytes: _bytes_methods,
    bytearray: _bytearray_methods,
    list: _list_methods,
    tuple: {"count": _make_search_method(tuple, "count"),
            "index": _make_search_method(tuple, "index")},
    dict: _dict_methods,
    set: _set_methods,
    frozenset: _frozenset_methods,
    int: _int_methods,
    bool: {},
    float: _float_methods,
    complex: _descriptors(complex, "conjugate"),
    range: {"count": _range_count, "index": _range_index},
    slice: _descriptors(slice, "indices"),
    _dict_keys: {"isdisjoint": _make_iter_method(_dict_keys, "isdisjoint", 0)},
    _dict_values: {},
    _dict_items: {"isdisjoint": _make_iter_method(_dict_items, "isdisjoint", 0)},
    BaseException: _descriptors(BaseException, "add_note with_traceback"),
}
"""type -> {public method name -> callable taking the receiver first}. Look names up with
`lookup_method`, which walks the MRO."""



# ---------------------------------------------------------------------------------------------
# Exception groups: split/subgroup by a sandbox predicate, and what `try`/`except*` raises

def _eg_condition(condition):
    """`condition` as CPython's split() takes it (before 3.12 a predicate must be a Python
    function: a sandbox function is called through one)."""
    if isinstance(condition, (type, tuple)) or not callable(condition):
        return condition

    def predicate(exc):
        return condition(exc)
    return predicate


def _eg_walk_cost(eg):
    """Refuse to split a group whose nested groups, unfolded as a tree, are too many to walk
    (a group may hold the same group twice: 40 levels of that are 2**40 nodes for the C code,
    which nothing interrupts). Linear in the distinct groups."""
    if not isinstance(eg, _BaseExceptionGroup):
        return
    sizes = {}
    todo = [eg]
    while todo:
        g = todo[-1]
        pending = [x for x in g.exceptions
                   if isinstance(x, _BaseExceptionGroup) and id(x) not in sizes]
        if pending:
            todo.extend(pending)
            continue
        todo.pop()
        sizes[id(g)] = 1 + sum(sizes.get(id(x), 1) for x in g.exceptions)
        if len(sizes) & 1023 == 0:
            _check_steps(len(sizes))
    _check_steps(sizes[id(eg)])


def _eg_split(eg, *args):
    _eg_walk_cost(eg)
    return _BaseExceptionGroup.split(eg, *map(_eg_condition, args))


def _eg_subgroup(eg, *args):
    _eg_walk_cost(eg)
    return _BaseExceptionGroup.subgroup(eg, *map(_eg_condition, args))


def eg_split(eg, match_type):
    """(match, rest) of an except* clause; CPython splits with the C code whatever split()
    a subclass defines."""
    _eg_walk_cost(eg)
    return _BaseExceptionGroup.split(eg, match_type)


def except_star_result(orig, raised, rest):
    """What a try/except* statement raises when its clauses are done (None: nothing), as
    CPython's _PyExc_PrepReraiseStar: `raised` holds (exception, bare re-raise?) for each
    handler that raised, `rest` is what no clause matched. Exceptions re-raised unchanged
    (a bare `raise` of a handler's match, the rest) go back into the original group's shape;
    the others are grouped with it."""
    if not isinstance(orig, _BaseExceptionGroup):
        # a naked exception: at most one clause matched it
        return raised[0][0] if raised else rest
    kept, new = [], []
    for exc, bare in raised:
        same = bare and exc.__cause__ is orig.__cause__ and exc.__context__ is orig.__context__
        (kept if same else new).append(exc)
    if rest is not None:
        kept.append(rest)
    result = None
    if kept:
        leaves, seen, todo = set(), set(), list(kept)
        while todo:
            e = todo.pop()
            if isinstance(e, _BaseExceptionGroup):
                if id(e) not in seen:
                    seen.add(id(e))
                    todo.extend(e.exceptions)
            else:
                leaves.add(id(e))
        _eg_walk_cost(orig)
        result = _BaseExceptionGroup.split(
            orig, lambda e: not isinstance(e, _BaseExceptionGroup) and id(e) in leaves)[0]
    if not new:
        return result
    if result is not None:
        new.append(result)
    return new[0] if len(new) == 1 else _BaseExceptionGroup("", new)


if _BaseExceptionGroup is not None:
    METHODS[_BaseExceptionGroup] = dict(_descriptors(_BaseExceptionGroup, "derive"),
                                        split=_eg_split, subgroup=_eg_subgroup)

VM_OVERRIDES = {(list, "sort")}
"""(type, name) pairs whose table entry is a placeholder the VM replaces with its own
implementation (list.sort with a key calls back into sandbox code)."""

CLASS_METHODS = frozenset((tp, name) for tp, name, kind in _WRAPPER_INFO.values()
                          if kind == "class")
"""(type, name) of the class methods: their entry accepts either an instance or a class first."""

STATIC_METHODS = frozenset((tp, name) for tp, name, kind in _WRAPPER_INFO.values()
                           if kind == "static")
"""(type, name) of the static methods: their entry ignores its first argument."""


def _data(tp, names):
    present = set()
    for n in names.split():
        if any(n in _type_dict(k) for k in _mro(tp)):
            present.add(n)
    return frozenset(present)


_mro = type.__dict__["__mro__"].__get__
_type_dict = type.__dict__["__dict__"].__get__
_type_name = type.__dict__["__name__"].__get__
_type_module = type.__dict__["__module__"].__get__
_HEAPTYPE = 1 << 9

TP_NAMES = {}       # type -> the dotted name CPython's messages use, for the sandbox modules'
                    # own classes that stand for CPython's C types (collections.deque, ...)


def tp_name(tp):
    """The name CPython's error messages give instances of `tp` (its C-level tp_name): the
    dotted "module.name" for C types outside builtins (sys.version_info, re.Match), else
    `__name__`."""
    name = TP_NAMES.get(tp)
    if name is not None:
        return name
    name = _type_name(tp)
    if not tp.__flags__ & _HEAPTYPE:
        module = _type_module(tp)
        if type(module) is str and module != "builtins" and not module.startswith("monty"):
            return f"{module}.{name}"
    return name
_type_qualname = type.__dict__["__qualname__"].__get__
_type_doc = type.__dict__["__doc__"].__get__

DATA_ATTRS = {
    int: _data(int, "real imag numerator denominator"),
    float: _data(float, "real imag"),
    complex: _data(complex, "real imag"),
    range: _data(range, "start stop step"),
    slice: _data(slice, "start stop step"),
    BaseException: _data(BaseException, "args"),
    StopIteration: _data(StopIteration, "value"),
    SystemExit: _data(SystemExit, "code"),
    OSError: _data(OSError, "errno strerror filename filename2 characters_written"),
    SyntaxError: _data(SyntaxError, "msg filename lineno offset text end_lineno end_offset"),
    ImportError: _data(ImportError, "msg name"),
    AttributeError: _data(AttributeError, "name"),
    NameError: _data(NameError, "name"),
    UnicodeEncodeError: _data(UnicodeEncodeError, "encoding object start end reason"),
    UnicodeDecodeError: _data(UnicodeDecodeError, "encoding object start end reason"),
    UnicodeTranslateError: _data(UnicodeTranslateError, "encoding object start end reason"),
}
"""type -> readable non-method attribute names (found through the MRO by `lookup_data`)."""

if _BaseExceptionGroup is not None:
    DATA_ATTRS[_BaseExceptionGroup] = _data(_BaseExceptionGroup, "message exceptions")

SAFE_DUNDERS = frozenset({"__name__", "__qualname__", "__doc__", "__class__"})
"""The only dunder names the gate answers: `__class__` on anything (through `type_of`);
`__name__`, `__qualname__` and `__doc__` on exposed classes and on builtin methods;
`__doc__` on instances of the tabled types."""


# ---------------------------------------------------------------------------------------------
# Lookup

def lookup_method(tp, name):
    """The METHODS entry for `name` on instances of `tp` (walking tp's MRO), or None."""
    d = METHODS.get(tp)
    if d is not None:
        e = d.get(name)
        if e is not None:
            return e
    for k in _mro(tp):
        d = METHODS.get(k)
        if d is not None:
            e = d.get(name)
            if e is not None:
                return e
    return None


def lookup_data(tp, name):
    """True when `name` is a readable data attribute of instances of `tp` (via the MRO)."""
    return _data_descriptor(tp, name) is not None


def _data_descriptor(tp, name):
    """The builtin descriptor that reads data attribute `name` (from the class that allows
    it, so that a subclass can never substitute its own), or None when not allowed."""
    mro = _mro(tp)
    for i, k in enumerate(mro):
        d = DATA_ATTRS.get(k)
        if d is not None and name in d:
            for owner in mro[i:]:
                descr = _type_dict(owner).get(name)
                if descr is not None:
                    return descr
            return None
    return None


def _tabled(tp):
    """True when some class in tp's MRO is in METHODS or DATA_ATTRS."""
    for k in _mro(tp):
        if k in METHODS or k in DATA_ATTRS:
            return True
    return False


def _exists(types, name):
    for tp in types:
        for k in _mro(tp):
            if name in _type_dict(k):
                return True
    return False


_method_descriptor = type(str.upper)
_DESCRIPTOR_TYPES = frozenset({_method_descriptor, WrapperDescriptorType})
_CALLABLE_TYPES = frozenset({BuiltinFunctionType, type(str.upper), WrapperDescriptorType,
                             MethodWrapperType, type(dict.__dict__["fromkeys"]), BoundWrapper})


def _missing(obj, name, is_class):
    if is_class:
        label = f"type object '{_type_name(obj)}'"
        exists = _exists((obj, type(obj)), name)
    else:
        label = f"'{tp_name(type(obj))}' object"
        exists = _exists((type(obj),), name)
    if exists:
        return AttributeError(f"{label} attribute '{name}' is not accessible in the sandbox",
                              name=name)
    return AttributeError(f"{label} has no attribute '{name}'", name=name)


def _name_type_message(fn):
    try:
        fn(0, 0)
    except TypeError as e:
        return str(e).replace("'int'", "'{}'")
    return "attribute name must be string, not '{}'"


_GETATTR_NAME_MSG = _name_type_message(getattr)     # the wording differs across versions
_HASATTR_NAME_MSG = _name_type_message(hasattr)


def _check_name(name, message=_GETATTR_NAME_MSG):
    if type(name) is not str:
        if not _is_a(name, str):
            raise TypeError(message.format(_type_name(type(name))))
        name = str.__str__(name)
    return name


def get_attribute(obj, name):
    """`obj.name` for a CPython-native value, as sandbox code may see it.

    Methods (METHODS, via the MRO) come back bound; data attributes (DATA_ATTRS) are read;
    dunders answer only for SAFE_DUNDERS. Anything else raises AttributeError: CPython's
    message when the attribute does not exist, a "not accessible in the sandbox" message when
    it exists but is not allowed. Nothing that is not allowed is ever read.
    """
    if type(name) is not str:
        name = _check_name(name)
    tp = type(obj)
    d = METHODS.get(tp)
    if d is not None:
        entry = d.get(name)
        if type(entry) is _method_descriptor:
            return entry.__get__(obj, tp)
    if type in _mro(tp):
        return _class_attribute(obj, name)
    if name == "__class__":
        return type_of(obj)
    entry = lookup_method(tp, name)
    if entry is not None:
        if type(entry) in _DESCRIPTOR_TYPES:
            return entry.__get__(obj, tp)
        info = _WRAPPER_INFO.get(entry) if type(entry) is FunctionType else None
        if info is not None:
            if info[2] == "static":
                return getattr(info[0], info[1])
            if info[2] == "class":
                return BoundWrapper(entry, tp)
        return BoundWrapper(entry, obj)
    descr = _data_descriptor(tp, name)
    if descr is not None:
        return descr.__get__(obj, tp)
    if name == "__doc__" and _tabled(tp):
        return _type_doc(tp)
    if name in SAFE_DUNDERS and name != "__class__":
        value = _callable_dunder(obj, tp, name)
        if value is not _REQUIRED:
            return value
    if tp is OpaqueType:
        if name == "__doc__":
            return None
        if name in ("__name__", "__qualname__"):
            return obj.__name__
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(f"type object '{obj.__name__}' attribute '{name}' is not "
                                 f"accessible in the sandbox", name=name)
        raise AttributeError(f"type object '{obj.__name__}' has no attribute '{name}'", name=name)
    raise _missing(obj, name, False)


def _callable_dunder(obj, tp, name):
    """__name__/__qualname__/__doc__ of builtin methods and of this module's wrappers."""
    if tp is BoundWrapper:
        return getattr(obj.__func__, name)
    if tp is FunctionType:
        if obj in _WRAPPER_INFO:
            return getattr(obj, name)
        return _REQUIRED
    if tp in _CALLABLE_TYPES:
        return getattr(obj, name)
    return _REQUIRED


def _class_attribute(cls, name):
    if name == "__class__":
        return type_of(cls)
    if not (cls in _EXPOSED_SET or _tabled(cls)):
        raise _missing(cls, name, True)
    if name == "__name__":
        return _type_name(cls)
    if name == "__qualname__":
        return _type_qualname(cls)
    if name == "__doc__":
        return _type_doc(cls)
    entry = lookup_method(cls, name)
    if entry is not None:
        info = _WRAPPER_INFO.get(entry) if type(entry) is FunctionType else None
        if info is not None:
            if info[2] == "class":
                return BoundWrapper(entry, cls)
            if info[2] == "static":
                return getattr(info[0], info[1])
        return entry
    raise _missing(cls, name, True)


def base_attribute(base, obj, name, is_class):
    """`obj.name` where the builtin class `base` on obj's MRO is the first to define the
    (non-dunder) `name`: obj is an instance (is_class false) or a class deriving from `base`.
    The answer is the one the gate gives for `base` itself (`S.ljust` is `str.ljust`,
    `S('x').ljust` the same checked wrapper bound to the instance); a subclass can never reach
    more of its base than the base's own values can."""
    tp = obj if is_class else type(obj)
    entry = lookup_method(base, name)
    if entry is not None:
        info = _WRAPPER_INFO.get(entry) if type(entry) is FunctionType else None
        if info is not None:
            if info[2] == "static":
                return getattr(info[0], info[1])
            if info[2] == "class":
                return BoundWrapper(entry, tp)
        if is_class:
            return entry
        if type(entry) in _DESCRIPTOR_TYPES:
            return entry.__get__(obj, tp)
        return BoundWrapper(entry, obj)
    if not is_class:
        descr = _data_descriptor(base, name)
        if descr is not None:
            return descr.__get__(obj, tp)
    raise _missing(obj, name, is_class)


def has_attribute(obj, name):
    """`hasattr(obj, name)` through the gate."""
    if type(name) is not str:
        name = _check_name(name, _HASATTR_NAME_MSG)
    try:
        get_attribute(obj, name)
    except AttributeError:
        return False
    return True


# ---------------------------------------------------------------------------------------------
# str.format, str.format_map and format()

format_value = format
"""Hook: formats one resolved value with its (checked) spec: `format_value(value, spec)`."""
convert_str = str
"""Hook: the `!s` conversion and `%s`. (safe_percent lets CPython convert plain str, int,
float, bool and None itself: their text is the same.)"""
convert_repr = repr
"""Hook: the `!r` conversion and `%r` (see convert_str)."""
convert_ascii = ascii
"""Hook: the `!a` conversion and `%a` (see convert_str)."""


def _default_getitem(obj, key):
    if _is_type(obj):
        # CPython would build a types.GenericAlias (list[int]); the sandbox has no use for one
        raise TypeError(f"'{type(obj).__name__}' object is not subscriptable")
    return obj[key]


format_getattr = get_attribute
"""Hook: resolves `.name` in a format field (`'{0.name}'`). Defaults to the gate."""
format_getitem = _default_getitem
"""Hook: resolves `[key]` in a format field, and names in format_map's mapping."""

_formatter_parser = _string.formatter_parser
_field_name_split = _string.formatter_field_name_split


def safe_format(fmt, args=(), kwargs=None):
    """`fmt.format(*args, **kwargs)`, with every attribute through the gate and every field's
    size pre-checked."""
    if not _is_a(fmt, str):
        raise TypeError(f"descriptor 'format' for 'str' objects doesn't apply to a "
                        f"'{type(fmt).__name__}' object")
    return _vformat(fmt, tuple(args), kwargs, 2, [0, 0])


def safe_format_map(fmt, mapping):
    """`fmt.format_map(mapping)`, safely (see safe_format)."""
    if not _is_a(fmt, str):
        raise TypeError(f"descriptor 'format_map' for 'str' objects doesn't apply to a "
                        f"'{type(fmt).__name__}' object")
    return _vformat(fmt, None, mapping, 2, [0, 0])


def _vformat(fmt, args, kwargs, depth, auto):
    if depth <= 0:
        raise ValueError("Max string recursion exceeded")
    pieces = []
    for literal, field, spec, conv in _formatter_parser(fmt):
        if literal:
            pieces.append(literal)
        if field is None:
            continue
        obj = _get_field(field, args, kwargs, auto)
        if conv is not None:
            obj = _convert(obj, conv)
        if "{" in spec:
            spec = _vformat(spec, args, kwargs, depth - 1, auto)
        if not spec and type(obj) is str:
            pieces.append(obj)
        else:
            pieces.append(safe_format_value(obj, spec))
    return _join_str(pieces)


def _join_str(pieces):
    if len(pieces) == 1 and type(pieces[0]) is str:
        return pieces[0]
    try:
        total = sum(map(len, pieces))
        kind = 0 if all(map(str.isascii, pieces)) else max(map(_kind, pieces))
    except TypeError:
        return "".join(pieces)   # a hook returned a non-str: let join raise CPython's error
    check_alloc(_str_size(total, kind))
    return "".join(pieces)


def _get_field(field, args, kwargs, auto):
    if not field:
        first, rest = "", ()
    elif "." in field or "[" in field or (len(field) > 18 and field.isdecimal()):
        first, rest = _field_name_split(field)
    elif field.isdecimal():
        first, rest = int(field), ()
    else:
        first, rest = field, ()
    if type(first) is int:
        if auto[0] == 1:
            raise ValueError("cannot switch from automatic field numbering to manual field "
                             "specification")
        auto[0] = 2
        index = first
    elif first == "":
        if auto[0] == 2:
            raise ValueError("cannot switch from manual field specification to automatic field "
                             "numbering")
        auto[0] = 1
        index = auto[1]
        auto[1] += 1
    else:
        index = None
    if index is None:
        if kwargs is None:
            raise KeyError(first)
        obj = format_getitem(kwargs, first)
    else:
        if args is None:
            raise ValueError("Format string contains positional fields")
        if index >= len(args):
            raise IndexError(f"Replacement index {index} out of range for positional args tuple")
        obj = args[index]
    for is_attr, key in rest:
        if is_attr:
            obj = format_getattr(obj, key)
        else:
            obj = format_getitem(obj, key)
    return obj


def _convert(obj, conv):
    if conv == "r":
        return convert_repr(obj)
    if conv == "s":
        return convert_str(obj)
    if conv == "a":
        return convert_ascii(obj)
    c = ord(conv)
    if 32 < c < 127:
        raise ValueError(f"Unknown conversion specifier {conv}")
    raise ValueError(f"Unknown conversion specifier \\x{c:x}")


_DECIMALS = re.compile(r"\d*")       # \d on str patterns: Unicode decimals, as CPython's parser
_ANY_DECIMAL = re.compile(r"\d")


def _spec_int(spec, pos):
    """Decimal digits (any Unicode decimal, as CPython) at spec[pos:]: (value, end), or None
    when the value overflows a C ssize_t (CPython then raises ValueError)."""
    digits = _DECIMALS.match(spec, pos).group()
    if not digits:
        return -1, pos
    end = pos + len(digits)
    if len(digits) <= 18:
        return int(digits), end
    value = 0
    for c in digits:
        value = value * 10 + int(c)
        if value > sys.maxsize:
            return None
    return value, end


_SPECS = {}


def _parse_spec(spec):
    """Parse a standard format spec as CPython does, leniently: returns
    (fill, width, precision, type, grouping, alternate, width_span, precision_span)
    with -1 for absent width/precision, or None when a number overflows. (Programs use a
    few specs many times: the short ones are remembered.)"""
    parsed = _SPECS.get(spec, _SPECS)
    if parsed is _SPECS:
        parsed = _parse_spec_text(spec)
        if len(spec) <= 32:
            if len(_SPECS) >= 1024:
                _SPECS.clear()
            _SPECS[spec] = parsed
    return parsed


def _parse_spec_text(spec):
    n = len(spec)
    pos = 0
    fill = " "
    fill_given = False
    if n >= 2 and spec[1] in "<>=^":
        fill = spec[0]
        fill_given = True
        pos = 2
    elif n >= 1 and spec[0] in "<>=^":
        pos = 1
    if pos < n and spec[pos] in "+- ":
        pos += 1
    if pos < n and spec[pos] == "z":
        pos += 1
    alternate = False
    if pos < n and spec[pos] == "#":
        alternate = True
        pos += 1
    if not fill_given and pos < n and spec[pos] == "0":
        fill = "0"
        pos += 1
    r = _spec_int(spec, pos)
    if r is None:
        return None
    width_span = (pos, r[1])
    width, pos = r
    grouping = False
    while pos < n and spec[pos] in ",_":
        grouping = True
        pos += 1
    precision = -1
    precision_span = None
    if pos < n and spec[pos] == ".":
        pos += 1
        r = _spec_int(spec, pos)
        if r is None:
            return None
        if r[1] > pos:
            precision_span = (pos, r[1])
        precision, pos = r
    typ = spec[-1] if pos < n else ""
    return fill, width, precision, typ, grouping, alternate, width_span, precision_span


_FLOAT_TYPES = frozenset("eEfFgGn%")


def _format_chars(value, parsed):
    """Upper bound of the length of format(value, spec) for str/int/bool/float/complex."""
    fill, width, precision, typ, grouping, alternate, _, _ = parsed
    t = type(value)
    if t is str:
        natural = len(value) if precision < 0 else min(len(value), precision)
    elif (t is int or t is bool) and typ not in _FLOAT_TYPES - {"n"}:
        bits = abs(int(value)).bit_length()
        if typ == "c":
            natural = 1
        elif typ == "b":
            natural = bits
        elif typ in ("x", "X"):
            natural = bits // 4 + 1
        elif typ == "o":
            natural = bits // 3 + 1
        else:
            natural = bits * 30103 // 100000 + 1
        if grouping or typ == "n":
            natural *= 2
        natural += 4
    else:
        # float (or an int formatted as one), or complex: at most 309 integer digits
        prec = 6 if precision < 0 else precision
        natural = prec + 330
        if grouping or typ == "n":
            natural += 330
        if t is complex:
            natural = 2 * natural + 3
    return max(width, natural)


def _shrunk_spec(spec, parsed):
    """`spec` with its width removed and its precision set to 1: formatting with it raises
    whatever error CPython raises for the spec, without allocating much."""
    _, _, _, _, _, _, (ws, we), pspan = parsed
    if pspan is not None:
        ps, pe = pspan
        spec = spec[:ps] + "1" + spec[pe:]
    return spec[:ws] + spec[we:]


_FORMAT_CHECKED = frozenset({str, int, bool, float, complex})


def safe_format_value(value, spec=""):
    """`format(value, spec)` with the size of the result pre-checked for the builtin types
    whose format spec can ask for an unbounded result (width, precision). The value itself
    is formatted by the `format_value` hook."""
    if type(spec) is not str and base_of(spec) is str:
        spec = str.__str__(spec)
    tv = type(value)
    if tv not in _FORMAT_CHECKED and spec and type(spec) is str:
        b = builtin_base(tv)
        if b in _FORMAT_CHECKED and not sandbox_overrides(tv, "__format__"):
            # a subclass instance formatted by its base's own __format__: judged as the base
            if b is str:
                value = str.__str__(value)
            elif b is int:
                value = int.__index__(value)
            elif b is float:
                value = float.__float__(value)
            else:
                value = complex.__complex__(value)
            return safe_format_value(value, spec)
    if spec and type(spec) is str and type(value) in _FORMAT_CHECKED and _ANY_DECIMAL.search(spec):
        # (without a width or precision the result is about the size of the value itself)
        parsed = _parse_spec(spec)
        if parsed is not None:
            nchars = _format_chars(value, parsed)
            kind = _char_kind(ord(parsed[0]))
            if type(value) is str:
                kind = max(kind, _kind(value))
            if nchars > 4096:
                _need(_str_size(nchars, kind),
                      lambda: format(value, _shrunk_spec(spec, parsed)))
            else:
                check_alloc(_str_size(nchars, kind))
    return format_value(value, spec)


# ---------------------------------------------------------------------------------------------
# printf-style formatting: str % values, bytes % values

_PCT_BIG_NUMBER = re.compile(r"[0-9]{5}")
_PCT_BIG_NUMBER_B = re.compile(rb"[0-9]{5}")
_PCT_MAX_NUMBER = re.compile(r"[0-9]+")
_PCT_MAX_NUMBER_B = re.compile(rb"[0-9]+")
_PCT_SIMPLE_STR = frozenset({str, int, float, bool, _NoneType})
_PCT_SIMPLE_BYTES = frozenset({bytes, int, float, bool, _NoneType})


def _has_getitem(obj):
    return _exists((type(obj),), "__getitem__")


def safe_percent(fmt, values):
    """`fmt % values` for a str, bytes or bytearray `fmt`, with every width and precision
    (including `*`) pre-checked, and `%s`/`%r`/`%a` converted through the convert_* hooks.
    Results and errors are CPython's."""
    tf = type(fmt)
    if tf is str:
        is_bytes = False
    elif tf is bytes or tf is bytearray:
        is_bytes = True
    else:
        b = builtin_base(tf)
        if b is str or b is bytes:
            # a subclass's format string: its base's own formatting (the caller ran any
            # sandbox __mod__ override first)
            fmt = str.__str__(fmt) if b is str else bytes.__bytes__(fmt)
            return safe_percent(fmt, values)
        return fmt % values
    fast = _percent_fast(fmt, values, is_bytes)
    if fast is not None:
        check_alloc(fast)
        return fmt % values
    result = _percent_slow(fmt, values, is_bytes)
    if tf is bytearray:
        return bytearray(result)
    return result


def _percent_fast(fmt, values, is_bytes):
    """Size bound for formats that CPython may run directly (short, small numbers, no `*`,
    plain values), else None."""
    if len(fmt) > 2048:
        return None
    if is_bytes:
        if b"*" in fmt or _PCT_BIG_NUMBER_B.search(fmt):
            return None
        simple = _PCT_SIMPLE_BYTES
    else:
        if "*" in fmt or _PCT_BIG_NUMBER.search(fmt):
            return None
        simple = _PCT_SIMPLE_STR
    vals = values if type(values) is tuple else (values,)
    if len(vals) > 256:
        return None
    for v in vals:
        if type(v) not in simple:
            return None
    numbers = (_PCT_MAX_NUMBER_B if is_bytes else _PCT_MAX_NUMBER).findall(fmt)
    biggest = max(map(int, numbers)) if numbers else 0
    reprs = (b"r" in fmt or b"a" in fmt) if is_bytes else ("r" in fmt or "a" in fmt)
    nconv = fmt.count(b"%" if is_bytes else "%")
    chars = len(fmt) + nconv * (biggest + 340)
    kind = 0 if is_bytes else _kind(fmt)
    for v in vals:
        t = type(v)
        if t is str or t is bytes:
            chars += len(v) * (10 if reprs else 1) + 3
            if t is str and not v.isascii():
                kind = 4 if reprs else max(kind, _kind(v))
        elif t is int:
            chars += v.bit_length() * 34 // 100 + 3
        else:
            chars += 32
    if is_bytes:
        return _bytes_size(chars)
    if "c" in fmt:
        kind = 4
    return _str_size(chars, kind)


def _percent_slow(fmt, values, is_bytes):
    if is_bytes:
        s = bytes(fmt).decode("latin-1")
        what = "bytes formatting"
        is_dict = (_has_getitem(values) and type(values) not in (tuple, bytes, bytearray, str))
    else:
        s = fmt
        what = "string formatting"
        is_dict = _has_getitem(values) and type(values) not in (tuple, str)
    dict_ = values if is_dict else None
    args = values
    if type(values) is tuple:
        arglen, argidx = len(values), 0
    else:
        arglen, argidx = -1, -2

    pieces = []
    chars = 0
    kind = 0
    n = len(s)
    fmtpos = 0
    fmtcnt = n

    def nextarg():
        nonlocal argidx
        if argidx < arglen:
            argidx += 1
            return args if arglen < 0 else args[argidx - 1]
        raise TypeError("not enough arguments for format string")

    while True:
        fmtcnt -= 1
        if fmtcnt < 0:
            break
        if s[fmtpos] != "%":
            j = s.find("%", fmtpos + 1)
            if j < 0:
                j = n
            pieces.append(s[fmtpos:j])
            chars += j - fmtpos
            fmtcnt -= j - fmtpos - 1
            fmtpos = j
            continue
        fmtpos += 1
        ch = s[fmtpos] if fmtpos < n else "\0"
        if ch == "%":
            pieces.append("%")
            chars += 1
            fmtpos += 1
            fmtcnt -= 1
            continue
        # -- parse: %[(key)][flags][width][.precision][length]type
        if ch == "(":
            if dict_ is None:
                raise TypeError("format requires a mapping")
            fmtpos += 1
            fmtcnt -= 1
            keystart = fmtpos
            pcount = 1
            while pcount > 0:
                fmtcnt -= 1
                if fmtcnt < 0:
                    break
                ch = s[fmtpos]
                if ch == ")":
                    pcount -= 1
                elif ch == "(":
                    pcount += 1
                fmtpos += 1
            if fmtcnt < 0 or pcount > 0:
                raise ValueError("incomplete format key")
            key = s[keystart:fmtpos - 1]
            if is_bytes:
                key = key.encode("latin-1")
            args = format_getitem(dict_, key)
            arglen, argidx = -1, -2
        flags = ""
        while True:
            fmtcnt -= 1
            if fmtcnt < 0:
                break
            ch = s[fmtpos]
            fmtpos += 1
            if ch in "-+ #0":
                if ch not in flags:
                    flags += ch
                continue
            break
        width = -1
        if ch == "*":
            v = nextarg()
            if not _is_a(v, int):
                raise TypeError("* wants int")
            v = exact_int(v)
            if not -sys.maxsize - 1 <= v <= sys.maxsize:
                raise OverflowError("Python int too large to convert to C ssize_t")
            width = int(v)
            if width < 0:
                if "-" not in flags:
                    flags += "-"
                width = -width
            fmtcnt -= 1
            if fmtcnt >= 0:
                ch = s[fmtpos]
                fmtpos += 1
        elif "0" <= ch <= "9":
            width = ord(ch) - 48
            while True:
                fmtcnt -= 1
                if fmtcnt < 0:
                    break
                ch = s[fmtpos]
                fmtpos += 1
                if not "0" <= ch <= "9":
                    break
                d = ord(ch) - 48
                if width > (sys.maxsize - d) // 10:
                    raise ValueError("width too big")
                width = width * 10 + d
        prec = -1
        if ch == ".":
            prec = 0
            fmtcnt -= 1
            if fmtcnt >= 0:
                ch = s[fmtpos]
                fmtpos += 1
            if ch == "*":
                v = nextarg()
                if not _is_a(v, int):
                    raise TypeError("* wants int")
                v = exact_int(v)
                if not -0x80000000 <= v <= 0x7FFFFFFF:
                    raise OverflowError("Python int too large to convert to C int")
                prec = max(int(v), 0)
                fmtcnt -= 1
                if fmtcnt >= 0:
                    ch = s[fmtpos]
                    fmtpos += 1
            elif "0" <= ch <= "9":
                prec = ord(ch) - 48
                while True:
                    fmtcnt -= 1
                    if fmtcnt < 0:
                        break
                    ch = s[fmtpos]
                    fmtpos += 1
                    if not "0" <= ch <= "9":
                        break
                    d = ord(ch) - 48
                    if prec > (0x7FFFFFFF - d) // 10:
                        raise ValueError("prec too big" if is_bytes else "precision too big")
                    prec = prec * 10 + d
        if fmtcnt >= 0 and ch in "hlL":
            fmtcnt -= 1
            if fmtcnt >= 0:
                ch = s[fmtpos]
                fmtpos += 1
        if fmtcnt < 0:
            raise ValueError("incomplete format")
        # -- format one argument
        v = nextarg()
        mini = "%" + flags + (str(width) if width >= 0 else "") + (f".{prec}" if prec >= 0 else "")
        if ch in "sra" or (is_bytes and ch == "b"):
            piece, pchars, pkind = _percent_text(v, ch, mini, width, prec, is_bytes)
        elif ch in "diuoxXeEfFgGc":
            if ch in "diuoxX":
                if _is_a(v, int):
                    natural = int.bit_length(v) * 34 // 100 + 3
                elif _is_a(v, float):
                    natural = 320
                else:
                    natural = 0
                pchars = max(width, max(prec, natural) + 3)
            elif ch == "c":
                pchars = max(width, 1)
            else:
                p = 6 if prec < 0 else prec
                pchars = max(width, p + (330 if ch in "fF" else 12))
            pkind = 0 if is_bytes or ch != "c" else 4
            if is_bytes:
                nbytes = _bytes_size(pchars)
            else:
                nbytes = _str_size(pchars, pkind)
            check_alloc(nbytes)
            m = mini + ch
            piece = (m.encode("latin-1") if is_bytes else m) % (v,)
            pchars = len(piece)
            if not is_bytes and ch == "c":
                pkind = _kind(piece)
        else:
            c = ord(ch)
            if is_bytes:
                if c >= 128:
                    # CPython's message for this case has no index, and varies by version
                    (b"%" + bytes([c])) % (0,)
                    raise OverflowError("character argument not in range(0x110000)")
                raise ValueError(f"unsupported format character '{ch}' (0x{c:x}) at index "
                                 f"{fmtpos - 1}")
            raise ValueError(f"unsupported format character '{ch if 31 <= c <= 126 else '?'}' "
                             f"(0x{c:x}) at index {fmtpos - 1}")
        pieces.append(piece)
        chars += pchars
        if pkind > kind:
            kind = pkind
        if dict_ is not None and argidx < arglen:
            raise TypeError(f"not all arguments converted during {what}")
    if argidx < arglen and dict_ is None:
        raise TypeError(f"not all arguments converted during {what}")
    if is_bytes:
        check_alloc(_bytes_size(chars))
        return b"".join(p if type(p) is bytes else p.encode("latin-1") for p in pieces)
    if kind == 0:
        for p in pieces:
            if not p.isascii():
                kind = max(kind, _kind(p))
    check_alloc(_str_size(chars, kind))
    return "".join(pieces)


def _percent_text(v, ch, mini, width, prec, is_bytes):
    """One %s/%r/%a conversion: (piece, length, kind)."""
    if is_bytes:
        if ch in "ra":
            text = convert_ascii(v)
            if type(text) is str:
                text = text.encode("ascii", "backslashreplace")
            natural = len(text)
        else:
            text = v
            b = base_of(v)
            natural = b.__len__(v) if b is bytes or b is bytearray else 0
        if prec >= 0:
            natural = min(natural, prec)
        pchars = max(width, natural)
        if width > natural:
            _need(_bytes_size(pchars))
        piece = (mini.encode("latin-1") + b"s") % (text,)
        return piece, len(piece), 0
    if type(v) is int and width < 0 and prec < 0:
        text = int.__repr__(v)
        return text, len(text), 0
    if ch == "s":
        text = v if type(v) is str else convert_str(v)
    elif ch == "r":
        text = convert_repr(v)
    else:
        text = convert_ascii(v)
    if type(text) is not str:
        raise TypeError(f"__str__ returned non-string (type {type(text).__name__})")
    kind = _kind(text)
    if width < 0 and prec < 0:
        return text, len(text), kind
    natural = len(text) if prec < 0 else min(len(text), prec)
    if width > natural:
        _need(_str_size(width, kind))
    piece = (mini + "s") % (text,)
    return piece, len(piece), kind
