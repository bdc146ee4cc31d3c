# Builtins, the attribute gate, calls into host functions and the plain-data boundary.
#
# Offers: the attribute gate (get_attribute, lookup_method, set_attribute, del_attribute),
# type_name, calls into host functions (call_host, call_host_values, call_object_ex), the
# plain-data boundary (import_value, export_value, to_sandbox, to_host), the b_* builtins
# and make_builtins.

import builtins as _py_builtins
from monty import policy as _policy
CHECKED_BASES = _policy._CHECKED_BASES
from monty.errors import MontyTypeError
from monty import modules as _modules

EXPOSED_EXCEPTIONS = frozenset(
    v for v in vars(_py_builtins).values() if isinstance(v, type) and issubclass(v, BaseException))

cdef str LOOPS_FILENAME = "<builtins>"     # monty/modules/_loops.py's code


cdef bint any_vm_code(object xs) except -1:
    for x in xs:
        if vm_code(x):
            return True
    return False


cdef dict _SANDBOX_TYPE_NAMES = {
    Function: "function", VMBuiltin: "builtin_function_or_method",
    HostFunction: "function", BoundMethod: "method", Cell: "cell", Code: "code",
    RangeIter: "range_iterator", BigRangeIter: "longrange_iterator", SetIter: "set_iterator",
    EnumerateIter: "enumerate", ZipIter: "zip", MapIter: "map", FilterIter: "filter",
    ForeignIter: "iterator", ReversedIter: "reversed", Generator: "generator",
    Coroutine: "coroutine", AsyncGenerator: "async_generator", HostFuture: "coroutine",
    GenMethod: "builtin_function_or_method", AsyncGenValue: "async_generator_wrapped_value",
    CoroWrapper: "coroutine_wrapper",
    CallIter: "callable_iterator",
    _modules.SandboxModule: "module",
}


cdef str type_name(object obj):
    """The type name sandbox code sees for `obj`."""
    t = type(obj)
    if t is Generator and (<Generator>obj).code.filename == LOOPS_FILENAME:
        return (<Generator>obj).code.name.rstrip("_")      # map(fetch, urls): a 'map'
    name = _SANDBOX_TYPE_NAMES.get(t)
    if name is not None:
        return name
    if t is ListIter:
        return "list_iterator" if type((<ListIter>obj).seq) is list else "tuple_iterator"
    if t is SlotMethod:
        if (<SlotMethod>obj).name == "__new__":
            return "builtin_function_or_method"
        return "wrapper_descriptor" if (<SlotMethod>obj).receiver is UNBOUND else "method-wrapper"
    if t is SeqIter:
        seq = (<SeqIter>obj).seq
        if type(seq) is bytes:
            return "bytes_iterator"
        return "str_ascii_iterator" if seq.isascii() else "str_iterator"
    if t is DictIter:
        return ("dict_keyiterator", "dict_valueiterator", "dict_itemiterator")[(<DictIter>obj).kind]
    return _policy.tp_name(t)


cdef dict _opaque_types = {}


def sandbox_type_of(obj):
    """`type(obj)` as sandbox code sees it: builtin types as themselves, the rest opaque."""
    t = type(obj)
    if t in _policy.EXPOSED_TYPES or is_sandbox_type(t) or t in _modules.TYPES or t is property:
        return t
    name = type_name(obj)
    opaque = _opaque_types.get(name)
    if opaque is None:
        opaque = _opaque_types[name] = _policy.OpaqueType(name)
    return opaque


def sandbox_type_name(obj):
    """The type name CPython's messages give `obj` (dotted for C types outside builtins)."""
    return type_name(obj)


def _format_getattr(obj, name):
    return get_attribute(obj, name)


# ------------------------------------------------------------------ the attribute gate

cdef object _MISSING = object()
cdef dict _method_cache = {}
cdef tuple _VM_TYPES = (Function, VMBuiltin, HostFunction, BoundMethod, Cell, Code, SandboxIter,
                         HostFuture, GenMethod, AsyncGenValue, SlotMethod)


# the C descriptor types builtin classes hold (kept alive by the types themselves)
cdef object _MEMBER_DESCRIPTOR = type(OSError.errno)
cdef object _METHOD_DESCRIPTOR = type(str.upper)
cdef object _SLOT_DESCRIPTOR = type(str.__add__)
cdef object _GETSET_DESCRIPTOR = type(int.real)
cdef object _CLASSMETHOD_DESCRIPTOR = type(dict.__dict__["fromkeys"])
cdef object _BUILTIN_FUNCTION = type(len)
cdef PyObject* _T_MEMBER = <PyObject*>_MEMBER_DESCRIPTOR
cdef PyObject* _T_METHOD = <PyObject*>_METHOD_DESCRIPTOR
cdef PyObject* _T_SLOT = <PyObject*>_SLOT_DESCRIPTOR
cdef PyObject* _T_GETSET = <PyObject*>_GETSET_DESCRIPTOR
cdef PyObject* _T_CLASSMETHOD = <PyObject*>_CLASSMETHOD_DESCRIPTOR
cdef PyObject* _T_BUILTIN = <PyObject*>_BUILTIN_FUNCTION


cdef inline bint maybe_builtin_attribute(PyObject* descr):
    """Whether a plain name found on a sandbox instance's class (descr, from _PyType_Lookup)
    may come from a builtin base: builtin classes hold only C descriptors under plain names
    (and staticmethod(maketrans)); a sandbox function, property or value takes the fast path."""
    cdef PyObject* t = TYPE(descr)
    if t == <PyObject*>Function:
        return False
    if (t == _T_METHOD or t == _T_SLOT or t == _T_GETSET or t == _T_CLASSMETHOD
            or t == _T_BUILTIN):
        return True
    if t == <PyObject*>staticmethod:
        return type((<object>descr).__func__) is not Function
    if t == _T_MEMBER:
        return not is_sandbox_type((<object>descr).__objclass__)    # a sandbox class's __slots__
    return False


cdef object get_attribute(object obj, str name):
    """The one gate every attribute read passes."""
    cdef PyObject* descr
    cdef object t = type(obj)
    if is_sandbox_type(t) and not is_dunderish(name):
        # an instance of a sandbox class, plain name: its own attribute or its class's method
        descr = _PyType_Lookup(<PyObject*>t, <PyObject*>name)
        if descr == NULL or not maybe_builtin_attribute(descr):
            return getattr(obj, name)
        return sandbox_object_getattr(obj, name)
    if isinstance(obj, _VM_TYPES):
        if name in ("__name__", "__qualname__") and isinstance(obj, (Function, VMBuiltin, HostFunction)):
            if type(obj) is Function:
                return (<Function>obj).name if name == "__name__" else (<Function>obj).qualname
            # (a host module's function is called by its dotted name, "tools.search")
            return obj.name.rpartition(".")[2] if type(obj) is HostFunction else obj.name
        if type(obj) is Function and (<Function>obj).meta is not None and (
                name in (<Function>obj).meta):
            return (<Function>obj).meta[name]      # (__doc__, __annotations__, __module__ set)
        if type(obj) is Function and (<Function>obj).attrs is not None and (
                name in (<Function>obj).attrs):
            return (<Function>obj).attrs[name]
        if type(obj) is Function and name == "__dict__":
            if (<Function>obj).attrs is None:
                (<Function>obj).attrs = {}
            return (<Function>obj).attrs
        if type(obj) is Function and name == "__annotations__":
            if (<Function>obj).meta is None:     # ({} until set, as CPython makes it)
                (<Function>obj).meta = {}
            return (<Function>obj).meta.setdefault("__annotations__", {})
        if name == "__doc__" and isinstance(obj, (Function, VMBuiltin, HostFunction)):
            if type(obj) is HostFunction:
                return (<HostFunction>obj).doc
            return (<Function>obj).code.doc if type(obj) is Function else None
        if type(obj) is BoundMethod:
            if name in ("__self__", "__func__"):
                return obj.self_obj if name == "__self__" else obj.func
            if name in ("__name__", "__qualname__", "__doc__"):
                return get_attribute(obj.func, name)
        if name == "__class__":
            return sandbox_type_of(obj)
        if isinstance(obj, Generator) and (
                name in ("asend", "athrow", "aclose") if type(obj) is AsyncGenerator
                else name in ("send", "throw", "close")):
            return gen_method(<Generator>obj, name)
        if type(obj) is Coroutine and name == "__await__":
            return gen_method(<Generator>obj, name)
        if isinstance(obj, SandboxIter) and name in ("__iter__", "__next__"):
            return getattr(obj, name)
        raise AttributeError(f"'{type_name(obj)}' object has no attribute '{name}'")
    if isinstance(obj, BaseException):
        if name == "__cause__":
            return obj.__cause__
        if name == "__context__":
            return obj.__context__
        if name == "__suppress_context__":
            return obj.__suppress_context__
        if name == "__traceback__":
            return None
    readable = _modules.READABLE.get(type(obj))
    if readable is not None and name in readable:
        return getattr(obj, name)
    if type(obj) is _modules.SandboxModule:
        if name == "__name__":
            return obj.__name__
        return (<object>obj).get(name)
    if is_sandbox_object(obj):
        return sandbox_object_getattr(obj, name)
    if obj is object:
        return object_attribute(name)
    if type(obj) is property and name in ("setter", "getter", "deleter", "fget", "fset", "fdel"):
        return getattr(obj, name)
    if name in _PROTOCOL_DUNDERS:
        # `tuple.__new__(cls, x)`, `ValueError.__init__(self, m)`, `(1).__add__(2)`: checked
        if t is type and obj in _BASE_TYPES:
            definer = class_definer(obj, name)
            if definer is not None and is_builtin_class(definer):
                return slot_attribute(definer, obj, True, name)
        elif t in _BASE_TYPES:
            definer = class_definer(t, name)
            if definer is not None and is_builtin_class(definer):
                return slot_attribute(definer, obj, False, name)
    return _policy.get_attribute(obj, name)


cdef object lookup_method(object obj, str name):
    """A callable taking `obj` first for `obj.name(...)`, or None to use get_attribute."""
    t = type(obj)
    cdef PyObject* descr
    cdef PyObject** dictptr
    if is_sandbox_type(t):
        if is_dunderish(name):
            return None
        # a sandbox function found on the class and not shadowed by the instance
        descr = _PyType_Lookup(<PyObject*>t, <PyObject*>name)
        if descr == NULL or TYPE(descr) != <PyObject*>Function:
            return None
        dictptr = _PyObject_GetDictPtr(<PyObject*>obj)
        if dictptr != NULL and dictptr[0] != NULL and name in <dict>dictptr[0]:
            return None
        return <object>descr
    per_type = _method_cache.get(t)
    if per_type is None:
        per_type = _method_cache[t] = {}
    fn = per_type.get(name, _MISSING)
    if fn is _MISSING:
        fn = None if isinstance(obj, _VM_TYPES) else _policy.lookup_method(t, name)
        if fn is not None and (t, name) in _VM_METHODS:
            fn = _VM_METHODS[(t, name)]
        per_type[name] = fn
    return fn


cdef int set_attribute(object obj, str name, object value) except -1:
    cdef PyObject* descr
    cdef object t = type(obj)
    if is_sandbox_type(t) and not is_dunderish(name):
        descr = _PyType_Lookup(<PyObject*>t, <PyObject*>name)
        if descr == NULL or not maybe_builtin_attribute(descr):
            setattr(obj, name, value)
            return 0
        return sandbox_setattr(obj, name, value, False)
    if is_sandbox_object(obj):
        return sandbox_setattr(obj, name, value, False)
    if type(obj) is Function:
        return set_function_attribute(<Function>obj, name, value, False)
    if isinstance(obj, _VM_TYPES):
        raise AttributeError(f"'{type_name(obj)}' object has no attribute '{name}'")
    writable = _modules.WRITABLE.get(type(obj))
    if writable is not None and name in writable:
        setattr(obj, name, value)
        return 0
    if _policy.has_attribute(obj, name):
        raise AttributeError(f"'{type_name(obj)}' object attribute '{name}' is read-only")
    raise AttributeError(f"'{type_name(obj)}' object has no attribute '{name}'")


cdef int del_attribute(object obj, str name) except -1:
    if is_sandbox_object(obj):
        return sandbox_setattr(obj, name, None, True)
    if type(obj) is Function:
        return set_function_attribute(<Function>obj, name, None, True)
    return set_attribute(obj, name, None)


cdef int set_function_attribute(Function fn, str name, object value, bint delete) except -1:
    """Attributes sandbox code sets on its functions (f.calls = 0, functools.wraps'
    __wrapped__), kept in the function's own dict; __name__/__qualname__ take a str."""
    if name == "__name__" or name == "__qualname__":
        if delete:
            raise TypeError(f"cannot delete function attribute '{name}'")
        if type(value) is not str:
            raise TypeError(f"{name} must be set to a string object")
        if name == "__name__":
            fn.name = value
        else:
            fn.qualname = value
        return 0
    if name == "__dict__":
        if delete:
            raise TypeError("cannot delete __dict__")
        if type(value) is not dict:
            raise TypeError(f"__dict__ must be set to a dictionary, not a "
                            f"'{type_name(value)}'")
        fn.attrs = value
        return 0
    if name == "__doc__" or name == "__annotations__" or name == "__module__":
        # kept apart from the function's __dict__, as CPython keeps them
        if name == "__annotations__" and not delete and value is not None and (
                type(value) is not dict):
            raise TypeError("__annotations__ must be set to a dict object")
        if fn.meta is None:
            fn.meta = {}
        if delete:
            if name == "__module__" or name == "__doc__":
                fn.meta[name] = None
            else:
                fn.meta.pop(name, None)
        else:
            fn.meta[name] = value if name != "__annotations__" or value is not None else {}
        return 0
    if is_dunderish(name) and name not in ("__wrapped__", "__isabstractmethod__"):
        raise AttributeError(f"'function' object attribute '{name}' is read-only in the "
                             f"sandbox")
    if delete:
        if fn.attrs is None or name not in fn.attrs:
            raise AttributeError(f"'function' object has no attribute '{name}'")
        del fn.attrs[name]
        return 0
    if fn.attrs is None:
        fn.attrs = {}
    fn.attrs[name] = value
    return 0


# ------------------------------------------------------------------ helpers of the loop

cdef inline bint is_repeatable(object seq):
    t = type(seq)
    return t is str or t is bytes or t is list or t is tuple


cdef int check_repeat(object seq, object n) except -1:
    """Refuse `seq * n` whose result would be huge, before allocating it."""
    if type(n) is int and is_repeatable(seq):
        pass
    elif type(seq) is int and is_repeatable(n):
        seq, n = n, seq
    else:
        return 0
    if 1 < n <= _MAXSIZE:     # beyond that CPython raises OverflowError itself
        size = len(seq) * n * (8 if type(seq) in (list, tuple) else 1)
        _policy.precheck(size)
        if size > _policy.MAX_SINGLE_ALLOC:
            raise MemoryError(f"repetition result too large ({size} bytes)")
    return 0


cdef int check_shift(object a, object b) except -1:
    if type(a) is int and type(b) is int and a and 0 < b <= _MAXSIZE:
        size = (abs(a).bit_length() + b) // 8
        _policy.precheck(size)
        if size > _policy.MAX_SINGLE_ALLOC:
            raise MemoryError(f"shift result too large ({size} bytes)")
    return 0


cdef int list_extend(object target, object items, object func, int in_call) except -1:
    try:
        it = get_iter(items)
    except TypeError:
        if in_call:
            raise TypeError(f"{callable_str(func)} argument after * must be an iterable, "
                            f"not {type_name(items)}") from None
        raise TypeError(f"Value after * must be an iterable, not {type_name(items)}") from None
    (<list>target).extend(star_items(items, it, 8))
    return 0


cdef object star_items(object items, object it, long per_item):
    """What `[*x]`, `f(*x)`, `{**d}` extend a container with, in C: a sized builtin iterable is
    pre-checked (the container's size, the walk's time); a lazy one is iterated with the clock
    read and its items counted (the container sits on the value stack: the live walk sees it)."""
    cdef VM vm = cur_vm()
    cdef TickIter t
    if vm is None or not vm.running:
        return it
    n = sized_items(items)
    if n >= 0:
        if n > 64:
            _policy.check_iterable(items, per_item)
            if n > STEPS_UNCHECKED:
                check_cost(vm, STEP_NS * n)
        return it
    t = TickIter.__new__(TickIter)
    t.it = it
    t.vm = vm
    return t


cdef int dict_update(object target, object other) except -1:
    if not hasattr(other, "keys") or isinstance(other, _VM_TYPES):
        raise TypeError(f"'{type_name(other)}' object is not a mapping")
    if type(other) is dict:
        star_items(other, None, 64)
    (<dict>target).update(other)
    return 0


cdef object call_object_ex(VM vm, object func, object args, object kwargs):
    if type(func) is VMBuiltin:
        return func(*args, **(kwargs or {}))
    if type(func) is HostFunction:
        return call_host_values(vm, <HostFunction>func, tuple(args), dict(kwargs or {}))
    if type(args) is not tuple:
        args = tuple(get_iter(args))
    if kwargs:
        return func(*args, **kwargs)
    return func(*args)


# ------------------------------------------------------------------ host functions

cdef inline bint is_leaf(PyObject* v):
    """Immutable plain data that crosses the boundary without a copy."""
    return (UnicodeExact(v) or LongExact(v) or FloatExact(v) or v == NONE_P
            or v == TRUE_P or v == FALSE_P)


cdef object call_host(VM vm, HostFunction hf, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    cdef Py_ssize_t i, n = npos + (TUPLE_SIZE(kwnames) if kwnames != NULL else 0)
    cdef PyObject* r
    cdef double t0
    if hf.func is not None and not hf.is_async:
        for i in range(n):
            if not is_leaf(args[i]):
                break
        else:
            # fast path: plain scalars pass as they are
            count_host_call(vm)
            t0 = host_clock()
            try:
                r = R_Vectorcall(<PyObject*>hf.func, args, npos, kwnames)
            except (KeyboardInterrupt, SystemExit):
                vm.limit_kind = LIMIT_ABORT
                raise
            except BaseException as e:
                host_time(vm, t0)
                raise host_exception(e) from None
            host_time(vm, t0)
            result = <object>r
            DECREF(r)
            if is_leaf(r):
                return result
            try:
                return import_value_vm(vm, result)
            except MontyTypeError as e:
                raise TypeError(f"{hf.name}() returned a value the sandbox cannot hold: {e}") from None
    positional = tuple([<object>args[i] for i in range(npos)])
    kwargs = {}
    if kwnames != NULL:
        for i, name in enumerate(<tuple>kwnames):
            kwargs[name] = <object>args[npos + i]
    return call_host_values(vm, hf, positional, kwargs)


cdef bint host_loop_free():
    from monty._hostasync import loop_free
    return loop_free()


cdef object run_host_awaitable(object aw):
    """Run an async host function's awaitable to its end (run() is synchronous)."""
    from monty._hostasync import run_awaitable
    return run_awaitable(aw)


cdef object call_host_values(VM vm, HostFunction hf, tuple args, dict kwargs):
    cdef double t0
    if hf.is_async and vm.pause_mode:
        return deferred_host_future(vm, hf, args, kwargs)     # (see _hostasync.pxi)
    if hf.func is None:
        raise RuntimeError(f"host function '{hf.name}' has no implementation here; "
                           f"run the code with start() to handle its calls")
    count_host_call(vm)
    try:
        host_args = [export_value(a, None, 0) for a in args]
        host_kwargs = {k: export_value(v, None, 0) for k, v in kwargs.items()}
    except MontyTypeError as e:
        raise TypeError(f"{hf.name}(): {e}") from None
    t0 = host_clock()
    try:
        result = hf.func(*host_args, **host_kwargs)
        if hf.is_async:
            if host_loop_free():
                # started when awaited, concurrently with the other awaited host calls
                host_time(vm, t0)
                return pending_host_future(vm, hf, result)
            result = run_host_awaitable(result)
    except (KeyboardInterrupt, SystemExit):
        vm.limit_kind = LIMIT_ABORT
        raise
    except BaseException as e:
        host_time(vm, t0, HOST_WAIT_FLOOR if hf.is_async else HOST_CALL_FLOOR)
        if hf.is_async:
            # an async function's error comes out where its result is awaited
            return make_host_future(hf.name, None, host_exception(e))
        raise host_exception(e) from None
    host_time(vm, t0, HOST_WAIT_FLOOR if hf.is_async else HOST_CALL_FLOOR)
    try:
        value = import_value_vm(vm, result)
    except MontyTypeError as e:
        err = TypeError(f"{hf.name}() returned a value the sandbox cannot hold: {e}")
        if hf.is_async:
            return make_host_future(hf.name, None, err)
        raise err from None
    if hf.is_async:
        return make_host_future(hf.name, value, None)
    return value


cdef object host_exception(object e):
    """A host function's exception as a fresh sandbox exception: the same builtin type with
    its arguments copied (an argument that is not plain data becomes '<host object>', never
    its repr), or a RuntimeError with the message for types the sandbox does not know."""
    if type(e) in EXPOSED_EXCEPTIONS:
        args = []
        try:
            for a in e.args:
                try:
                    args.append(import_value(a, None, 0))
                except (TypeError, ValueError, RecursionError, MemoryError):
                    args.append("<host object>")
            return type(e)(*args)
        except BaseException:
            pass
    try:
        message = exc_text(cur_vm(), e, monty_now() + REPORT_MAX_S)
    except BaseException:
        message = f"<{type(e).__name__} with an unprintable message>"
    if type(e) in EXPOSED_EXCEPTIONS:
        try:
            return type(e)(message)
        except BaseException:
            pass
    return RuntimeError(message)


# ------------------------------------------------------------------ the plain-data boundary

import sys as _sys
from operator import index as _operator_index
cdef object _MAXSIZE = _sys.maxsize
cdef tuple _LEAVES = (str, int, float, bool, bytes, type(None))
cdef int MAX_BOUNDARY_DEPTH = 200


cdef object import_value(object v, dict memo, int depth):
    """Deep copy of host plain data into the sandbox (identity and cycles preserved)."""
    return _copy_plain(v, memo, depth, "into the sandbox")


cdef object import_value_vm(VM vm, object v):
    """import_value for a running sandbox: host dataclass instances may cross too (as
    instances of the sandbox's own copy of their class, see _import_dataclass)."""
    return _copy_plain(v, {_DC_KEY: vm.dataclasses}, 0, "into the sandbox")


# ------------------------------------------------------------------ host dataclass instances
#
# A host @dataclass instance crosses into the sandbox as an instance of a sandbox dataclass
# made for its class (one per host class and sandbox): same name, field names and
# frozen/eq/order/unsafe_hash options, its field values copied by the plain-data rules. The
# sandbox class holds nothing of the host's (no methods, defaults or metadata; annotations
# only when they are builtin types the sandbox knows, else their name). Only
# `dataclasses.fields()` and the field values are read from the host object. Going back out,
# an instance of such a class becomes a new instance of the host class, its fields set with
# object.__new__ and object.__setattr__ (no host __init__ or __post_init__ runs on sandbox
# data). The sandbox class -> host class table is
# here, out of sandbox code's reach.

import dataclasses as _host_dc
from keyword import iskeyword as _iskeyword
import weakref as _dc_weakref

cdef object _DC_KEY = object()                   # memo key of the VM's host class -> class table
_DC_HOST_CLASS = _dc_weakref.WeakKeyDictionary()  # sandbox class -> host class
cdef object _dc_new = object.__new__
cdef object _dc_setattr = object.__setattr__


cdef bint _is_host_dataclass(object v):
    t = type(v)
    return (not isinstance(v, type) and not is_sandbox_type(t) and t not in _DC_HOST_CLASS
            and _host_dc.is_dataclass(t))


cdef object _dc_annotation(object tp):
    if tp in _policy.EXPOSED_TYPES or tp is object:
        return tp
    if type(tp) is str:
        return tp
    name = getattr(tp, "__name__", None)
    return name if type(name) is str else "object"


cdef object _sandbox_dataclass(object host_cls, dict classes):
    cls = classes.get(host_cls)
    if cls is not None:
        return cls
    _modules._discover()        # the sandbox's FrozenInstanceError is the dataclasses module's
    params = host_cls.__dataclass_params__
    fields = _host_dc.fields(host_cls)
    for f in fields:
        # (the names become source text of the methods dataclasses generates)
        if type(f.name) is not str or not f.name.isidentifier() or _iskeyword(f.name):
            raise MontyTypeError(f"a dataclass with the field name {f.name!r} cannot cross "
                                 f"into the sandbox")
    name = _policy._type_name(host_cls)
    ns = {"__module__": "__main__", "__qualname__": name,
          "__annotations__": {f.name: _dc_annotation(f.type) for f in fields}}
    cls = create_class(name, (), ns, {})
    cls = _host_dc.dataclass(cls, init=True, repr=True, eq=bool(params.eq),
                             order=bool(params.order), unsafe_hash=bool(params.unsafe_hash),
                             frozen=bool(params.frozen))
    _DC_HOST_CLASS[cls] = host_cls
    classes[host_cls] = cls
    return cls


cdef object _import_dataclass(object v, dict memo, int depth, dict classes):
    cls = _sandbox_dataclass(type(v), classes)
    names = [f.name for f in _host_dc.fields(v)]
    out = _dc_new(cls)
    memo[id(v)] = out
    for name in names:
        _dc_setattr(out, name, _copy_plain(getattr(v, name), memo, depth, "into the sandbox"))
    return out


cdef object _export_dataclass(object v, object host_cls, dict memo, int depth):
    cdef PyObject** dictptr = _PyObject_GetDictPtr(<PyObject*>v)
    attrs = <dict>dictptr[0] if dictptr != NULL and dictptr[0] != NULL else {}
    out = _dc_new(host_cls)
    memo[id(v)] = out
    for f in _host_dc.fields(host_cls):
        if f.name not in attrs:
            raise MontyTypeError(f"a '{_policy._type_name(host_cls)}' object without its field "
                                 f"'{f.name}' cannot cross out of the sandbox")
        _dc_setattr(out, f.name, _copy_plain(attrs[f.name], memo, depth,
                                                 "out of the sandbox"))
    return out


cdef object export_value(object v, dict memo, int depth):
    """Deep copy of sandbox plain data out to the host."""
    return _copy_plain(v, memo, depth, "out of the sandbox")


cdef extern from "Python.h":
    int PyType_IsSubtype(PyObject*, PyObject*)
    object PyUnicode_FromObject(object)
    object PyList_GetSlice(object, Py_ssize_t, Py_ssize_t)
    object PyTuple_GetSlice(object, Py_ssize_t, Py_ssize_t)
    object PySet_New(object)
    object PyFrozenSet_New(object)
    Py_ssize_t PY_SSIZE_T_MAX
    Py_ssize_t PyList_Size(object) except -1
    Py_ssize_t PyTuple_Size(object) except -1
    Py_ssize_t PyDict_Size(object) except -1
    Py_ssize_t PySet_Size(object) except -1
    int PyDict_Next(object, Py_ssize_t*, PyObject**, PyObject**)
    PyObject* PyException_GetCause(PyObject*)
    PyObject* PyException_GetContext(PyObject*)
    ctypedef struct PyBaseExceptionObject:
        char suppress_context
        PyObject* args


cdef inline bint _derives(object t, type base):
    """issubclass at the C level (no __subclasscheck__, no __class__ lookup)."""
    return PyType_IsSubtype(<PyObject*>t, <PyObject*>base) != 0


cdef list _dict_pairs(object d):
    """A dict's (key, value) pairs read from its table: no items(), keys() or __iter__ of a
    subclass runs."""
    cdef Py_ssize_t pos = 0
    cdef PyObject* k
    cdef PyObject* x
    cdef list out = []
    while PyDict_Next(d, &pos, &k, &x):
        out.append((<object>k, <object>x))
    return out


import decimal as _host_decimal


cdef object _boundary_decimal(object v, str where):
    _modules._discover()
    _sandbox_decimal = _sys.modules["monty.modules.decimal"]
    if where == "out of the sandbox":
        return _sandbox_decimal.to_host(v)
    return _sandbox_decimal.from_host(v)


cdef object _copy_plain(object v, dict memo, int depth, str where):
    """Exact-type rules: an instance of a subclass of a plain type crosses as its base's
    C-level content; no method of the value (an override of __iter__, items, __str__, __int__,
    __hash__, __class__...) is ever called, so no sandbox code runs here."""
    t = type(v)
    if t is str or t is int or t is float or t is bool or v is None or t is bytes:
        return v
    if depth > MAX_BOUNDARY_DEPTH:
        raise MontyTypeError(f"value nested more than {MAX_BOUNDARY_DEPTH} levels cannot cross {where}")
    if memo is None:
        memo = {}
    key = id(v)
    if key in memo:
        return memo[key]
    depth += 1
    copy_tick(v)
    if _derives(t, list):
        out = []
        memo[key] = out
        out.extend([_copy_plain(x, memo, depth, where) for x in PyList_GetSlice(v, 0, PY_SSIZE_T_MAX)])
        return out
    if _derives(t, dict):
        out = {}
        memo[key] = out
        for k, x in _dict_pairs(v):
            out[_copy_plain(k, memo, depth, where)] = _copy_plain(x, memo, depth, where)
        return out
    if _derives(t, set):
        out = set()
        memo[key] = out
        out.update([_copy_plain(x, memo, depth, where) for x in list(PySet_New(v))])
        return out
    if _derives(t, tuple):
        out = tuple([_copy_plain(x, memo, depth, where) for x in PyTuple_GetSlice(v, 0, PY_SSIZE_T_MAX)])
    elif _derives(t, frozenset):
        out = frozenset([_copy_plain(x, memo, depth, where) for x in list(PySet_New(v))])
    elif _derives(t, str):
        out = PyUnicode_FromObject(v)
    elif _derives(t, int):
        out = int.__index__(v)
    elif _derives(t, float):
        out = float.__float__(v)
    elif _derives(t, bytes):
        out = bytes.__bytes__(v)
    elif _derives(t, _host_decimal.Decimal):
        # the decimal module's Decimal (or a sandbox subclass) crosses out as the exact host
        # value (read from its C data); an exact host Decimal crosses in as the module's
        out = _boundary_decimal(v, where)
    elif t in _DC_HOST_CLASS and where == "out of the sandbox":
        return _export_dataclass(v, _DC_HOST_CLASS[t], memo, depth)
    elif _DC_KEY in memo and _is_host_dataclass(v):
        return _import_dataclass(v, memo, depth, <dict>memo[_DC_KEY])
    else:
        out = stdlib_copy(v, t, where == "into the sandbox")   # (see _hostasync.pxi)
        if out is NOTHING:
            raise MontyTypeError(
                f"a value of type '{type_name(v)}' cannot cross {where}: only None, bool, int, "
                f"float, str, bytes, list, tuple, dict, set and frozenset can (and date, time, "
                f"datetime, timedelta, timezone, Decimal, Fraction, UUID)")
    memo[key] = out
    return out


cdef object export_or_opaque(VM vm, object v):
    """The run's result as plain host data, or, when it is not plain data, a monty.Opaque of
    its type name and repr: the repr is built here, inside the run and under its limits (a
    sandbox __repr__ runs as sandbox code); one that raises gives '<T object>'."""
    try:
        return export_value(v, None, 0)
    except MontyTypeError:
        pass
    name = type_name(v)
    name = PyUnicode_FromObject(name) if isinstance(name, str) else "?"
    try:
        text = PyUnicode_FromObject(_checked_repr(v))
    except BaseException:
        if vm.limit_kind != LIMIT_NONE:
            raise           # a limit (or the host's own interrupt) stands
        text = f"<{name} object>"
    from monty.outcome import Opaque
    return Opaque(name, text)


cdef tuple describe_one(VM vm, object exc, double until):
    """(type name, message, frames) of a sandbox exception, computed inside the run that
    raised it (a sandbox __str__ runs here under the run's limits, never on the host); every
    part is exact plain data. A message whose native text (its args' repr) cannot be built
    by `until` is a short stand-in."""
    t = type(exc)
    name = t.__name__
    name = PyUnicode_FromObject(name) if isinstance(name, str) else "?"
    try:
        message = exc_text(vm, exc, until)
        message = PyUnicode_FromObject(message)
    except BaseException:
        if vm.limit_kind != LIMIT_NONE:
            raise           # a limit (or the host's own interrupt) stands
        message = "<unprintable>"
    frames = []
    positions = None
    cdef PyObject** dictptr = _PyObject_GetDictPtr(<PyObject*>exc)
    if dictptr != NULL and dictptr[0] != NULL and type(<object>dictptr[0]) is dict:
        tb = (<dict>dictptr[0]).get("__monty_tb__")
        if tb is not None:
            try:
                tb = export_value(tb, None, 0)
            except MontyTypeError:
                tb = None
            if type(tb) is list:
                positions = []
                for entry in <list>tb:
                    if (type(entry) is tuple and 2 <= len(<tuple>entry) <= 3
                            and type((<tuple>entry)[0]) is str and type((<tuple>entry)[1]) is int):
                        frames.append((<tuple>entry)[:2])
                        positions.append(_frame_position(entry))
    return name, message, frames, positions


cdef object _frame_position(tuple entry):
    """A frame's (lineno, end_lineno, col, end_col) as exact ints, or None."""
    if len(entry) != 3:
        return None
    p = entry[2]
    if type(p) is tuple and len(<tuple>p) == 4 and all(type(v) is int for v in <tuple>p):
        return p
    return None


def describe_error(VM vm, exc):
    """What the host reports of a sandbox exception: ((type name, message, frames), chain),
    chain as in MontyRuntimeError. The cause/context links are read at the C level (no
    attribute lookup on the exception)."""
    cdef PyObject* p
    cdef object cur = exc
    cdef object nxt
    cdef double until = monty_now() + REPORT_MAX_S     # for the whole report
    chain = []
    seen = {id(exc)}
    while True:
        p = PyException_GetCause(<PyObject*>cur)
        if p != NULL:
            nxt = <object>p
            DECREF(p)
            how = "cause"
        else:
            nxt = None
            if not (<PyBaseExceptionObject*>cur).suppress_context:
                p = PyException_GetContext(<PyObject*>cur)
                if p != NULL:
                    nxt = <object>p
                    DECREF(p)
                    how = "context"
        if nxt is None or id(nxt) in seen or len(chain) >= 100:
            break
        seen.add(id(nxt))
        chain.append((*describe_one(vm, nxt, until)[:3], how))
        cur = nxt
    chain.reverse()
    return describe_one(vm, exc, until), chain


cdef int remember_error(VM vm, object exc) except -1:
    """In a run's exception handler, while it is still running: keep the host's report."""
    if isinstance(exc, BaseException) and vm.limit_kind == LIMIT_NONE and type(exc) is not _LimitExceeded:
        vm.error_report = (exc, describe_error(vm, exc))
    return 0


def vm_error_report(VM vm, exc):
    """The report remember_error kept for `exc`, or a bare one (no sandbox code runs)."""
    report = None
    if vm is not None:
        report = vm.error_report
        vm.error_report = None
    if report is not None and report[0] is exc:
        return report[1]
    name = type(exc).__name__
    return ((PyUnicode_FromObject(name) if isinstance(name, str) else "?", "<unprintable>", [],
             None), [])


cdef int copy_tick(object container) except -1:
    """Copying a container across the boundary ticks like a loop over its items (a host call
    with a big argument or result is not one instantaneous step)."""
    cdef VM vm = cur_vm()
    if vm is not None and vm.running:
        vm.ticks -= 1 + (_plain_size(container) >> 6)
        if vm.ticks <= 0:
            check_limits(vm)
    return 0


cdef Py_ssize_t _plain_size(object v) except -1:
    """The item count of a plain container (or a subclass's) read at the C level (len() would
    call a subclass's __len__); 0 for anything else."""
    t = type(v)
    if _derives(t, list):
        return PyList_Size(v)
    if _derives(t, tuple):
        return PyTuple_Size(v)
    if _derives(t, dict):
        return PyDict_Size(v)
    if _derives(t, set) or _derives(t, frozenset):
        return PySet_Size(v)
    return 0


def to_sandbox(value, VM vm=None):
    if vm is not None:
        return import_value_vm(vm, value)
    return import_value(value, None, 0)


def to_host(value):
    return export_value(value, None, 0)


# ------------------------------------------------------------------ builtins that need the VM

cdef tuple call_args(PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional = tuple([<object>args[i] for i in range(npos)])
    kwargs = {}
    if kwnames != NULL:
        for i, name in enumerate(<tuple>kwnames):
            kwargs[name] = <object>args[npos + i]
    return positional, kwargs


cdef int no_kwargs(str name, dict kwargs) except -1:
    if kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")
    return 0


cdef object b_print(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    sep = kwargs.pop("sep", None)
    end = kwargs.pop("end", None)
    kwargs.pop("flush", None)
    stream = kwargs.pop("file", None)
    writer = None
    if stream is not None:
        from monty.modules.sys import TextIOWrapper as _Stream
        if type(stream) is not _Stream:
            # a sandbox object (an io.StringIO): its write() gets each piece, as in CPython
            writer = get_attribute(stream, "write")
    for k in kwargs:
        raise TypeError(f"'{k}' is an invalid keyword argument for print()")
    if sep is None:
        sep = " "
    elif type(sep) is not str:
        raise TypeError(f"sep must be None or a string, not {type_name(sep)}")
    if end is None:
        end = "\n"
    elif type(end) is not str:
        raise TypeError(f"end must be None or a string, not {type_name(end)}")
    for a in positional:
        check_text(a)
    if writer is not None:
        for i, a in enumerate(positional):
            if i:
                vm.call_nested(writer, (sep,), None)
            vm.call_nested(writer, (str(a),), None)
        vm.call_nested(writer, (end,), None)
        return None
    text = sep.join([str(a) for a in positional]) + end
    emit_text(vm, text, stream is not None and stream._name == "stderr")
    return None


cdef object real_types(object classinfo):
    """isinstance/issubclass: the sandbox's `type` builtin stands for the type `type`."""
    if classinfo is _VM_BUILTINS["type"]:
        return type
    if type(classinfo) is tuple:
        return tuple([real_types(c) for c in <tuple>classinfo])
    return classinfo


cdef object b_isinstance(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("isinstance", kwargs)
    if npos != 2:
        raise TypeError(f"isinstance expected 2 arguments, got {npos}")
    obj = positional[0]
    if obj is _VM_BUILTINS["type"]:
        obj = type          # the sandbox's `type` stands for the type `type`
    return isinstance(obj, real_types(positional[1]))


cdef object b_issubclass(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("issubclass", kwargs)
    if npos != 2:
        raise TypeError(f"issubclass expected 2 arguments, got {npos}")
    cls = positional[0]
    if cls is _VM_BUILTINS["type"]:
        cls = type
    return issubclass(cls, real_types(positional[1]))


cdef object b_type(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    if npos == 1:
        if kwargs:
            raise TypeError("type() takes no keyword arguments")
        return sandbox_type_of(positional[0])
    if npos == 3:
        name, bases, ns = positional
        for i, (value, want) in enumerate(((name, str), (bases, tuple), (ns, dict))):
            if type(value) is not want:
                raise TypeError(f"type.__new__() argument {i + 1} must be {want.__name__}, not "
                                f"{'None' if value is None else type_name(value)}")
        check_bases(bases, kwargs)
        ns = dict(ns)
        ns.setdefault("__module__", "__main__")
        return create_class(name, bases, ns, kwargs)
    raise TypeError("type() takes 1 or 3 arguments")


cdef object b_iter(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("iter", kwargs)
    if npos == 1:
        return get_iter(positional[0])
    if npos == 2:
        if not callable(positional[0]):
            raise TypeError("iter(v, w): v must be callable")
        if vm_code(positional[0]):
            g = loops_generator(vm, "callable_iterator", positional)
            if g is not None:
                return g
        c = CallIter.__new__(CallIter)
        (<CallIter>c).func = positional[0]
        (<CallIter>c).sentinel = positional[1]
        return c
    raise TypeError(f"iter expected at most 2 arguments, got {npos}" if npos > 2
                    else "iter expected at least 1 argument, got 0")


cdef object b_next(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    cdef PyObject* r
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("next", kwargs)
    if npos < 1 or npos > 2:
        raise TypeError(f"next expected at most 2 arguments, got {npos}" if npos > 2
                        else "next expected at least 1 argument, got 0")
    it = positional[0]
    if not isinstance(it, SandboxIter) and not (
            is_sandbox_type(type(it)) and hasattr(type(it), "__next__")):
        raise TypeError(f"'{type_name(it)}' object is not an iterator")
    if type(it) is Generator:
        try:
            return gen_resume(vm, <Generator>it, None, None)
        except StopIteration:
            if npos == 2:
                return positional[1]
            raise
    r = monty_iternext(<PyObject*>it)
    if r != NULL:
        value = <object>r
        DECREF(r)
        return value
    if R_ErrOccurred() != NULL:
        raise_pending()
    if npos == 2:
        return positional[1]
    raise StopIteration()


cdef object b_enumerate(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    # CPython's hand-written argument parsing (enumobject.c, enumerate_vectorcall)
    positional, kwargs = call_args(args, npos, kwnames)
    names = list(kwargs)
    values = list(positional) + list(kwargs.values())
    total = len(values)
    expected = []
    if total == 2:
        if len(names) == 1:
            expected = ["start"]
        elif len(names) == 2:
            if names[0] == "start":
                expected = ["start", "iterable"]
                values = [values[1], values[0]]
            else:
                expected = ["iterable", "start"]
    elif total == 1:
        expected = ["iterable"]
    elif npos == 0:
        raise TypeError("enumerate() missing required argument 'iterable'")
    else:
        raise TypeError(f"enumerate() takes at most 2 arguments ({total} given)")
    for name, want in zip(names, expected):
        if name != want:
            raise TypeError(f"'{name}' is an invalid keyword argument for enumerate()")
    iterable = values[0]
    start = values[1] if total == 2 else 0
    if type(start) is not int:
        start = _operator_index(start)
    it = get_iter(iterable)
    if vm_code(iterable) or vm_code(it):
        g = loops_generator(vm, "enumerate_", (it, int(start)))
        if g is not None:
            return g
    cdef EnumerateIter e = EnumerateIter.__new__(EnumerateIter)
    e.it = it
    e.count = int(start)
    return e


cdef object b_zip(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    strict = kwargs.pop("strict", False)
    for k in kwargs:
        raise TypeError(f"zip() got an unexpected keyword argument '{k}'")
    iters = []
    for i, a in enumerate(positional):
        try:
            iters.append(get_iter(a))
        except TypeError:
            raise TypeError(f"zip argument #{i + 1} must support iteration") from None
    if any_vm_code(positional) or any_vm_code(iters):
        g = loops_generator(vm, "zip_", (iters, bool(strict)))
        if g is not None:
            return g
    cdef ZipIter z = ZipIter.__new__(ZipIter)
    z.iters = tuple(iters)
    z.strict = bool(strict)
    return z


cdef object b_map(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("map", kwargs)
    if npos < 2:
        raise TypeError("map() must have at least two arguments.")
    iters = tuple([get_iter(a) for a in positional[1:]])
    if vm_code(positional[0]) or any_vm_code(positional[1:]) or any_vm_code(iters):
        g = loops_generator(vm, "map_", (positional[0], iters))
        if g is not None:
            return g
    cdef MapIter m = MapIter.__new__(MapIter)
    m.func = positional[0]
    m.iters = iters
    return m


cdef object b_filter(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("filter", kwargs)
    if npos != 2:
        raise TypeError(f"filter expected 2 arguments, got {npos}")
    it = get_iter(positional[1])
    if vm_code(positional[0]) or vm_code(positional[1]) or vm_code(it):
        g = loops_generator(vm, "filter_", (positional[0], it))
        if g is not None:
            return g
    cdef FilterIter fi = FilterIter.__new__(FilterIter)
    fi.func = positional[0]
    fi.it = it
    return fi


cdef object b_reversed(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("reversed", kwargs)
    if npos != 1:
        raise TypeError(f"reversed expected 1 argument, got {npos}")
    seq = positional[0]
    t = type(seq)
    if t is range:
        return range_iter(seq[::-1])
    if t is dict or t is _dict_keys:
        seq = list(seq)
    elif t is _dict_values or t is _dict_items:
        seq = list(seq)
    elif is_sandbox_object(seq) or t in _modules.TYPES:
        # __reversed__ or the sequence protocol of a sandbox class, or a module's type
        it = ForeignIter.__new__(ForeignIter)
        (<ForeignIter>it).it = reversed(seq)
        return it
    elif not (t is list or t is tuple or t is str or t is bytes):
        raise TypeError(f"'{type_name(seq)}' object is not reversible")
    cdef ReversedIter r = ReversedIter.__new__(ReversedIter)
    r.seq = seq
    r.index = len(seq) - 1
    return r


cdef object b_getattr(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("getattr", kwargs)
    if npos < 2 or npos > 3:
        raise TypeError(f"getattr expected at least 2 arguments, got {npos}" if npos < 2
                        else f"getattr expected at most 3 arguments, got {npos}")
    name = positional[1]
    if type(name) is not str:
        raise TypeError(f"attribute name must be string, not '{type_name(name)}'")
    try:
        return get_attribute(positional[0], name)
    except AttributeError:
        if npos == 3:
            return positional[2]
        raise


cdef object b_hasattr(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("hasattr", kwargs)
    if npos != 2:
        raise TypeError(f"hasattr expected 2 arguments, got {npos}")
    name = positional[1]
    if type(name) is not str:
        raise TypeError(f"attribute name must be string, not '{type_name(name)}'")
    try:
        get_attribute(positional[0], name)
        return True
    except AttributeError:
        return False


cdef object b_setattr(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("setattr", kwargs)
    if npos != 3:
        raise TypeError(f"setattr expected 3 arguments, got {npos}")
    if type(positional[1]) is not str:
        raise TypeError(f"attribute name must be string, not '{type_name(positional[1])}'")
    set_attribute(positional[0], positional[1], positional[2])
    return None


cdef object b_delattr(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("delattr", kwargs)
    if npos != 2:
        raise TypeError(f"delattr expected 2 arguments, got {npos}")
    del_attribute(positional[0], positional[1])
    return None


cdef object b_format(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("format", kwargs)
    if npos < 1 or npos > 2:
        raise TypeError(f"format expected at most 2 arguments, got {npos}" if npos > 2
                        else "format expected at least 1 argument, got 0")
    spec = positional[1] if npos == 2 else ""
    if type(spec) is not str:
        if _policy.base_of(spec) is not str:
            raise TypeError(f"format() argument 2 must be str, not {type_name(spec)}")
        spec = str.__str__(spec)      # a str subclass: its characters, read by str's own slot
    return _policy.safe_format_value(positional[0], spec)


cdef object b_dir(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """dir(): the names sandbox code can reach, sorted."""
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("dir", kwargs)
    if npos == 0:
        return sorted(vm.global_names())
    if npos != 1:
        raise TypeError(f"dir expected at most 1 argument, got {npos}")
    obj = positional[0]
    if type(obj) is _modules.SandboxModule:
        return (<object>obj).names()
    names = []
    for name in dir(obj):
        try:
            get_attribute(obj, name)
        except AttributeError:
            continue
        except Exception:
            pass
        names.append(name)
    return names


cdef object b_vars(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """vars(obj): a module's names (a copy), a sandbox object's __dict__ (as `obj.__dict__`
    gives it); vars(): the running frame's names."""
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("vars", kwargs)
    if npos > 1:
        raise TypeError(f"vars expected at most 1 argument, got {npos}")
    if npos == 0:
        return frame_names(vm)
    obj = positional[0]
    if type(obj) is _modules.SandboxModule:
        return {name: (<object>obj).get(name) for name in (<object>obj).names()}
    if is_sandbox_object(obj) and type(obj) is not super:
        try:
            return get_attribute(obj, "__dict__")
        except AttributeError:
            pass
    if type(obj) is Function:
        if (<Function>obj).attrs is None:
            (<Function>obj).attrs = {}
        return (<Function>obj).attrs
    raise TypeError("vars() argument must have __dict__ attribute")


cdef object frame_names(VM vm):
    """The bound names of the innermost sandbox frame: globals at module level, else its
    locals (cell and free variables included)."""
    cdef Frame* f
    cdef Code code
    cdef int i, n
    cdef PyObject* item
    cdef PyObject** items
    cdef dict out = {}
    if vm.depth == 0:
        return out
    f = &vm.frames[vm.depth - 1]
    if f.base < 0:
        items = (<PyListObject*>vm.gvals).ob_item
        n = len(vm.gvals)
        for i in range(n):
            if items[i] != NULL and "." not in vm.slot_names[i]:
                out[vm.slot_names[i]] = <object>items[i]
        return out
    code = <Code>f.code
    if code.nlocals and code.varnames[0] == ".ns" and vm.stack[f.base] != NULL:
        return <object>vm.stack[f.base]     # a class body: its namespace, as in CPython
    names = code.varnames + code.cellvars + code.freevars
    n = len(names)
    for i in range(n):
        item = vm.stack[f.base + i]
        if item == NULL:
            continue
        value = <object>item
        if value is UNBOUND or ("." in names[i] and names[i] != ".0"):
            continue
        if i >= code.nlocals:
            if type(value) is not Cell:
                continue
            value = (<Cell>value).contents
            if value is UNBOUND:
                continue
        out[names[i]] = value
    return out


cdef object b_pow(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    if len(positional) >= 2 and (len(positional) == 2 or positional[2] is None) and not kwargs:
        if monty_sub_builtin(<PyObject*>positional[0]) or monty_sub_builtin(<PyObject*>positional[1]):
            return subclass_binop(vm, 6, positional[0], positional[1])
        check_power(positional[0], positional[1])
    elif len(positional) == 3:
        check_int_pow(vm, positional[0], positional[1], positional[2])
    return pow(*positional, **kwargs)


cdef object _INT_ROUND = int.__dict__["__round__"]


cdef bint rounds_as_int(object number):
    """Whether round(number, n) runs int.__round__ (an int, or a subclass not overriding it)."""
    cdef type t = type(number)
    if t is int or t is bool:
        return True
    if not isinstance(number, int):
        return False
    for klass in t.__mro__:
        found = klass.__dict__.get("__round__")
        if found is not None:
            return found is _INT_ROUND
    return False


cdef object round_int(VM vm, object number, object ndigits):
    """round(number, ndigits) for an int rounded by int.__round__ and an exact int ndigits."""
    cdef double x, y
    if ndigits < 0:
        # 10 ** k > 2 * abs(number) once k > log10(2 * abs(number)): the result is 0
        x = int_digits(number)
        if -ndigits > (x * 30 + 1) * 0.30103 + 1:
            return 0
        y = -ndigits * 3.33 / 30 + 1
        if x > 50:
            check_cost(vm, DIV_NS * x * y + MUL_NS * y ** 1.585)
    return round(number, ndigits)


cdef object b_round(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """round(): int.__round__ with a negative ndigits computes 10 ** -ndigits and divides by
    it; a power beyond the number's size gives 0 (its rounding to the nearest multiple), the
    others are costed like the division."""
    if kwnames == NULL:
        if npos == 1:
            return round(<object>args[0])
        if npos == 2:
            number = <object>args[0]
            ndigits = <object>args[1]
            if ndigits is None or not rounds_as_int(number):
                return round(number, ndigits)
            if type(ndigits) is int:
                if ndigits >= 0:
                    return round(number, ndigits)
                return round_int(vm, number, ndigits)
    positional, kwargs = call_args(args, npos, kwnames)
    if npos == 2 and not kwargs:
        number, ndigits = positional
    elif npos == 1 and kwargs and len(kwargs) == 1 and "ndigits" in kwargs:
        number, ndigits = positional[0], kwargs["ndigits"]
    else:
        return round(*positional, **kwargs)
    if ndigits is None or not rounds_as_int(number):
        return round(*positional, **kwargs)
    # (what int.__round__ does first, with its error: then the int goes to it)
    return round_int(vm, number, _operator_index(ndigits))


cdef int check_bytes_size(object n) except -1:
    """bytes(n) allocates n bytes: refuse a huge n before it does."""
    if type(n) is not int and monty_sub_builtin(<PyObject*>n):
        n = _policy.exact_int(n)      # an int subclass: its base's value, no override runs
    if type(n) is int and n > 0:
        _policy.precheck(n)
        if n > _policy.MAX_SINGLE_ALLOC:
            raise MemoryError(f"bytes({n}) is too large")
    return 0


cdef object b_list_sort(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """list.sort: a key that is a sandbox function runs in the VM; the sort itself is native."""
    positional, kwargs = call_args(args, npos, kwnames)
    if npos != 1:
        raise TypeError(f"sort() takes no positional arguments")
    target = positional[0]
    if vm.deadline and type(target) is list:
        # the comparisons: the items' (or keys') units, about log2(n) times each
        key = kwargs.get("key")
        if key is not None:
            kwargs["key"] = cost_key(vm, key, sort_factor(len(<list>target)))
        else:
            check_walk(vm, target, sort_factor(len(<list>target)))
    (<list>target).sort(**kwargs)
    return None



cdef object b_sort_by_keys(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.sort_by_keys(items, keys, reverse): sort the list `items` in place as list.sort
    does with the keys the VM computed for it (keys None: by the items themselves), stably;
    the comparisons of the keys are native."""
    if npos != 3 or kwnames != NULL or type(<object>args[0]) is not list:
        raise TypeError("bad sort_by_keys call")
    cdef list items = <list>args[0]
    keys = <object>args[1]
    reverse = <object>args[2]
    if keys is None:
        if vm.deadline:
            check_walk(vm, items, sort_factor(len(items)))
        items.sort(reverse=reverse)
        return None
    if type(keys) is not list or len(<list>keys) != len(items):
        raise ValueError("list modified during sort")
    if vm.deadline:
        check_walk(vm, keys, sort_factor(len(<list>keys)))
    order = list(range(len(items)))
    order.sort(key=(<list>keys).__getitem__, reverse=reverse)
    if len(items) != len(order):
        raise ValueError("list modified during sort")
    items[:] = [items[i] for i in order]
    return None

# ---- try/except* (the compiler's hidden helpers; the state is a list on the value stack:
# [the exception caught, what no clause has matched yet, what the handlers raised...])

cdef object b_eg_start(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    exc = <object>args[0]
    return [exc, exc]


cdef list eg_state(PyObject* state):
    # (a loaded snapshot could hold anything in that stack slot)
    if type(<object>state) is not list or len(<list>state) < 2:
        raise TypeError("bad except* state")
    return <list>state


cdef object b_eg_match(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.eg_match(state, T): the part of the unmatched exception that `except* T` catches (a
    naked exception wrapped in a group), or None; it becomes the exception being handled."""
    cdef list state = eg_state(args[0])
    match_type = <object>args[1]
    group = _policy._BaseExceptionGroup
    check_exc_match(None, match_type)
    for c in (match_type if isinstance(match_type, tuple) else (match_type,)):
        if issubclass(c, group):
            raise TypeError("catching ExceptionGroup with except* is not allowed. "
                            "Use except instead.")
    rest = state[1]
    if rest is None:
        return None
    if isinstance(rest, match_type):
        match = rest if isinstance(rest, group) else group("", (rest,))
        rest = None
    elif isinstance(rest, group):
        match, rest = _policy.eg_split(rest, match_type)
        if match is None:
            return None
    else:
        return None
    state[1] = rest
    vm.handled = match
    return match


cdef object b_eg_raised(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.eg_raised(exc, state): a handler raised exc (a bare `raise` re-raises its match)."""
    exc = <object>args[0]
    eg_state(args[1]).append((exc, exc is vm.reraised))
    return None


cdef object b_eg_end(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.eg_end(state): whether the statement raises at its end; what it raises becomes the
    exception being handled, for a bare raise."""
    cdef list state = eg_state(args[0])
    for x in state[2:]:
        if type(x) is not tuple or len(<tuple>x) != 2:
            raise TypeError("bad except* state")
    result = _policy.except_star_result(state[0], state[2:], state[1])
    if result is None:
        return False
    vm.handled = result
    return True

cdef object b_handled(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.handled(): the exception being handled (sys.exc_info()'s), or None; for traceback
    and logging, written in sandbox Python."""
    return vm.handled


_VM_BUILTINS = {
    ".handled": make_builtin("handled", b_handled),
    "print": make_builtin("print", b_print),
    "type": make_builtin("type", b_type),
    "isinstance": make_builtin("isinstance", b_isinstance),
    "issubclass": make_builtin("issubclass", b_issubclass),
    "iter": make_builtin("iter", b_iter),
    "next": make_builtin("next", b_next),
    "enumerate": make_builtin("enumerate", b_enumerate),
    "zip": make_builtin("zip", b_zip),
    "map": make_builtin("map", b_map),
    "filter": make_builtin("filter", b_filter),
    "reversed": make_builtin("reversed", b_reversed),
    "getattr": make_builtin("getattr", b_getattr),
    "hasattr": make_builtin("hasattr", b_hasattr),
    "setattr": make_builtin("setattr", b_setattr),
    "delattr": make_builtin("delattr", b_delattr),
    "format": make_builtin("format", b_format),
    "pow": make_builtin("pow", b_pow),
    "round": make_builtin("round", b_round),
    "dir": make_builtin("dir", b_dir),
    "vars": make_builtin("vars", b_vars),
    ".eg_start": make_builtin("eg_start", b_eg_start),
    ".eg_match": make_builtin("eg_match", b_eg_match),
    ".eg_raised": make_builtin("eg_raised", b_eg_raised),
    ".eg_end": make_builtin("eg_end", b_eg_end),
}

cdef dict _VM_METHODS = {(list, "sort"): make_builtin("sort", b_list_sort)}
_VM_BUILTINS[".sort_by_keys"] = make_builtin("sort_by_keys", b_sort_by_keys)
init_routes()

_NATIVE_BUILTINS = (
    "abs", "all", "any", "ascii", "bin", "bool", "bytes", "bytearray", "complex", "callable", "chr", "dict", "divmod", "float",
    "frozenset", "hash", "hex", "int", "len", "list", "max", "min",
    "oct", "ord", "range", "repr", "set", "slice", "sorted", "str", "sum", "tuple",

)


NEXT_BUILTIN = <PyObject*>_VM_BUILTINS["next"]


def make_builtins():
    """The names sandbox code finds when no global shadows them."""
    names = {name: getattr(_py_builtins, name) for name in _NATIVE_BUILTINS}
    names.update(_VM_BUILTINS)
    for exc in EXPOSED_EXCEPTIONS:
        names[exc.__name__] = exc
    names["None"] = None
    names["True"] = True
    names["False"] = False
    names["Ellipsis"] = Ellipsis
    names["NotImplemented"] = NotImplemented
    names["object"] = object
    names["__name__"] = "__main__"
    names["__debug__"] = True
    names["id"] = id
    names["property"] = property
    names["staticmethod"] = staticmethod
    names["classmethod"] = classmethod
    return names
