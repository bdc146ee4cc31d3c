# Classes defined by sandbox code: CPython heap types whose methods are sandbox Functions
# (Function.__get__ binds them), so every CPython protocol (MRO, super, properties, dunder
# slots) works; the gate below decides what sandbox code may reach on them.
#
# Offers: build_class (BUILD_CLASS), create_class, is_sandbox_class, is_sandbox_object,
# sandbox_object_getattr, sandbox_setattr, super_getattr, own_dict, b_super.

import weakref as _weakref
import collections as _collections
import typing as _typing
from types import GenericAlias as _GenericAlias, FunctionType as _FunctionType

_sandbox_classes = _weakref.WeakSet()

# builtin types a sandbox class may derive from
_BASE_TYPES = frozenset([object, int, float, str, bytes, list, dict, tuple, set, frozenset]) | EXPOSED_EXCEPTIONS

# dunder methods sandbox code may call on its objects even when a builtin base provides them
_PROTOCOL_DUNDERS = frozenset("""
__init__ __new__ __repr__ __str__ __format__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__ __hash__
__bool__ __len__ __iter__ __next__ __reversed__ __contains__ __getitem__ __setitem__ __delitem__
__missing__ __call__ __enter__ __exit__ __add__ __radd__ __iadd__ __sub__ __rsub__ __isub__
__mul__ __rmul__ __imul__ __truediv__ __rtruediv__ __itruediv__ __floordiv__ __rfloordiv__
__ifloordiv__ __mod__ __rmod__ __imod__ __pow__ __rpow__ __ipow__ __neg__ __pos__ __abs__
__invert__ __and__ __rand__ __iand__ __or__ __ror__ __ior__ __xor__ __rxor__ __ixor__
__lshift__ __rlshift__ __rshift__ __rrshift__ __matmul__ __rmatmul__ __int__ __float__
__index__ __round__ __getattr__ __setattr__ __delattr__ __init_subclass__ __post_init__
__set_name__ __get__ __set__ __delete__ __class_getitem__
""".split())

_READABLE_CLASS_DUNDERS = frozenset(["__name__", "__qualname__", "__doc__", "__module__", "__members__",
                                     "__annotations__"])


cdef object unbound_host_method(object value, object definer, str name):
    """A plain host function read on a class (a method a host module's class defines, seen
    through a sandbox subclass): behind a check of its `self`, so that it cannot be called
    with another object, a shared host class or function included, as `self` (its
    `self.width = ...` would write attributes the gate keeps read-only)."""
    if type(value) is not _FunctionType or type(_policy._type_dict(definer).get(name)) \
            is not _FunctionType:
        return value
    from .modules._support import self_checked
    return self_checked(definer, value)


cdef bint is_sandbox_class(object obj):
    return isinstance(obj, type) and is_sandbox_type(obj)


cdef bint is_sandbox_object(object obj):
    """An instance of a sandbox class, a sandbox class, or a super() proxy."""
    t = type(obj)
    # (a class under construction is already marked: the marker is in its namespace)
    return is_sandbox_type(t) or t is super or is_sandbox_type(obj)


cdef bint defined_by_sandbox(object cls, str name):
    """Whether `name` is defined in the namespace of a sandbox class on cls's MRO."""
    for klass in cls.__mro__:
        if is_sandbox_type(klass) and name in klass.__dict__:
            return True
    return False


cdef object sandbox_object_getattr(object obj, str name):
    """Attribute read on a sandbox instance, class or super() proxy: what a sandbox class on
    the MRO defines is read as CPython reads it; what a builtin base provides is answered as
    the gate answers it for that builtin (policy tables, SlotMethod for protocol dunders)."""
    t = type(obj)
    if t is super:
        return super_getattr(obj, name)
    is_class = isinstance(obj, type)
    cls = obj if is_class else t
    if name.startswith("__") and name.endswith("__"):
        if name == "__class__":
            return sandbox_type_of(obj)
        if name == "__dict__":
            if is_class:
                return {k: v for k, v in obj.__dict__.items() if k != "__monty_class__"}
            return obj.__dict__
        if is_class:
            if name in _READABLE_CLASS_DUNDERS:
                return getattr(obj, name)
            if name == "__subclasses__" and is_sandbox_type(obj):
                return lambda: [c for c in obj.__subclasses__() if is_sandbox_type(c)]
            if name in ("__mro__", "__bases__"):
                return tuple([c if (is_sandbox_type(c) or c in _BASE_TYPES) else sandbox_type_of(c)
                              for c in getattr(obj, name)])
        elif name in ("__doc__", "__module__"):
            return getattr(obj, name)
        definer = class_definer(cls, name)
        if definer is not None and is_sandbox_type(definer):
            return getattr(obj, name)
        if definer is not None and name in _PROTOCOL_DUNDERS:
            if is_builtin_class(definer):
                return slot_attribute(definer, obj, is_class, name)
            if is_class:                    # a host module's class (its own gate)
                return unbound_host_method(getattr(obj, name), definer, name)
            return getattr(obj, name)
        if not _dunder_exists(obj, cls, is_class, name):
            if is_class:
                raise AttributeError(f"type object '{obj.__name__}' has no attribute '{name}'")
            raise AttributeError(f"'{type_name(obj)}' object has no attribute '{name}'")
        raise AttributeError(f"'{type_name(obj)}' object attribute '{name}' is not accessible in the sandbox")
    definer = class_definer(cls, name)
    if definer is None:
        if is_class:
            # not on the class's MRO: only its metaclass has it (`type`'s mro; on the host
            # classes treated as the sandbox's, ABCMeta's register, _abc_registry_clear and
            # _dump_registry, which prints to the host's own stdout)
            for meta in _policy._mro(type(obj)):
                if name in _policy._type_dict(meta):
                    raise AttributeError(f"type object '{obj.__name__}' attribute '{name}' is "
                                         f"not accessible in the sandbox")
            if type(obj) is type:
                raise AttributeError(f"type object '{obj.__name__}' has no attribute '{name}'")
        return getattr(obj, name)           # the instance's own attribute, or its __getattr__
    if is_sandbox_type(definer):
        return getattr(obj, name)
    if not is_builtin_class(definer):
        if is_class:
            return unbound_host_method(getattr(obj, name), definer, name)
        return getattr(obj, name)
    if not is_class:
        descr = _policy._type_dict(definer)[name]
        if not (hasattr(type(descr), "__set__") or hasattr(type(descr), "__delete__")):
            d = own_dict(obj)
            if d is not None and name in d:
                return d[name]              # the instance's attribute shadows the base's method
    return _policy.base_attribute(definer, obj, name, is_class)


cdef object own_dict(object obj):
    """An object's own __dict__ read at the C level (no __getattribute__, no class attribute
    named __dict__), or None."""
    cdef PyObject** dictptr = _PyObject_GetDictPtr(<PyObject*>obj)
    if dictptr == NULL or dictptr[0] == NULL:
        return None
    return <object>dictptr[0]


cdef object super_getattr(object proxy, str name):
    """`super().name`: the MRO of the instance's class searched after __thisclass__, as
    CPython searches it; a builtin base's attributes through the gate."""
    self_obj = proxy.__self__
    self_cls = proxy.__self_class__
    if name == "__class__":
        return sandbox_type_of(proxy)
    if self_cls is None:
        raise AttributeError(f"'super' object has no attribute '{name}'")
    mro = _policy._mro(self_cls)
    thisclass = proxy.__thisclass__
    start = 0
    for i in range(len(mro)):
        if mro[i] is thisclass:
            start = i + 1
            break
    definer = class_definer(self_cls, name, start)
    is_dunder = name.startswith("__") and name.endswith("__")
    if definer is None:
        if is_dunder and name in ("__doc__", "__module__"):
            return getattr(proxy, name)
        raise AttributeError(f"'super' object has no attribute '{name}'")
    if is_sandbox_type(definer):
        return getattr(proxy, name)
    is_class = self_obj is self_cls and isinstance(self_obj, type)
    if is_dunder:
        if name in ("__doc__", "__module__"):
            return getattr(proxy, name)
        if name not in _PROTOCOL_DUNDERS:
            raise AttributeError(f"'super' object attribute '{name}' is not accessible in the sandbox")
        if is_builtin_class(definer):
            return slot_attribute(definer, self_obj, is_class, name)
        return unbound_host_method(getattr(proxy, name), definer, name)
    if not is_builtin_class(definer):
        return unbound_host_method(getattr(proxy, name), definer, name)
    return _policy.base_attribute(definer, self_obj, name, is_class)


cdef bint _dunder_exists(object obj, object cls, bint is_class, str name):
    """Whether CPython would find `name` on obj (its class's MRO, the metaclass's for a class,
    the instance dict): decides between "has no attribute" and "not accessible"."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return True
    if is_class:
        for klass in type(obj).__mro__:
            if name in klass.__dict__:
                return True
        return False
    if type(obj) is not super:
        try:
            return name in object.__getattribute__(obj, "__dict__")
        except AttributeError:
            return False
    return True


cdef int sandbox_setattr(object obj, str name, object value, bint delete) except -1:
    check_setattr_name(obj, name)
    if delete:
        delattr(obj, name)
    else:
        setattr(obj, name, value)
    return 0


cdef object build_class(VM vm, PyObject** items, int nbases, int has_kwargs):
    """BUILD_CLASS: run the body in a fresh namespace, then create the class."""
    body = <Function>items[0]
    name, bases, kwargs = class_parts(items, nbases, has_kwargs)
    ns = {"__module__": "__main__", "__qualname__": body.qualname}
    cell = vm.call_nested(body, (ns,), None)
    return make_class(name, bases, ns, kwargs, cell)


cdef tuple class_parts(PyObject** items, int nbases, int has_kwargs):
    """(name, bases, keywords) of BUILD_CLASS's inputs (body, name, bases..., keywords),
    checked."""
    name = <object>items[1]
    bases = tuple([mro_entry(<object>items[2 + i]) for i in range(nbases)])
    kwargs = dict(<object>items[2 + nbases]) if has_kwargs else {}
    if "metaclass" in kwargs:
        bases = metaclass_bases(bases, kwargs)
    check_bases(bases, kwargs)
    return name, bases, kwargs


cdef object make_class(object name, tuple bases, dict ns, dict kwargs, object cell):
    """The class of a class statement whose body filled `ns` and returned `cell`."""
    cls = create_class(name, bases, ns, kwargs)
    if type(cell) is Cell:
        (<Cell>cell).contents = cls
    return cls


cdef object mro_entry(object base):
    """`C[X]` as a base stands for C (GenericAlias.__mro_entries__) when C is a sandbox class."""
    if type(base) is _GenericAlias and is_sandbox_type(base.__origin__):
        return base.__origin__
    return base


cdef tuple metaclass_bases(tuple bases, dict kwargs):
    """`metaclass=M` where M is a sandbox class standing for a metaclass (abc.ABCMeta): its
    `__monty_metaclass_base__` (abc.ABC) joins the bases instead, unless one has it already.
    (A class sandbox code writes with that name gains nothing it could not list as a base.)"""
    meta = kwargs["metaclass"]
    if not is_sandbox_type(meta):
        return bases
    base = (<type>meta).__dict__.get("__monty_metaclass_base__")
    if not isinstance(base, type):
        return bases
    del kwargs["metaclass"]
    for b in bases:
        if isinstance(b, type) and issubclass(b, base):
            return bases
    return bases + (base,)


cdef int check_bases(tuple bases, dict kwargs) except -1:
    if "metaclass" in kwargs:
        raise TypeError("metaclasses are not supported in the sandbox")
    for base in bases:
        if base is _typing.NamedTuple or base is _typing.TypedDict or _is_typing_marker(base):
            continue
        if not isinstance(base, type) or not (
                is_sandbox_type(base) or base in _BASE_TYPES or base in _modules.TYPES):
            raise TypeError(f"cannot derive a sandbox class from {type_name(base) if not isinstance(base, type) else base.__name__!r}")
    return 0


cdef object create_class(str name, tuple bases, dict ns, dict kwargs, bint hook=True):
    """A sandbox class from its namespace (a class statement's, or type(name, bases, ns))."""
    ns["__monty_class__"] = True
    # no finalizers: CPython would run __del__ whenever the object is freed, outside the run
    # and its limits (even after it ended), swallowing any error it raised
    ns.pop("__del__", None)
    bases = tuple([b for b in bases if not _is_typing_marker(b)])
    if len(bases) == 1 and bases[0] is _typing.NamedTuple:
        bases = (named_tuple_base(name, ns),)
    elif is_typeddict_bases(bases):
        typeddict_namespace(bases, ns, kwargs)
        bases = (dict,)
    # CPython makes these implicit class/static methods only for its own function type
    for special, wrap in (("__init_subclass__", classmethod), ("__class_getitem__", classmethod),
                          ("__new__", staticmethod)):
        if type(ns.get(special)) is Function:
            ns[special] = wrap(ns[special])
    cls = type(name, bases, ns, **kwargs)
    _sandbox_classes.add(cls)
    if hook:
        run_subclass_hook(cls)
    return cls


cdef bint is_typeddict_bases(tuple bases):
    """The bases of a TypedDict class: TypedDict itself or classes made that way."""
    if not bases:
        return False
    for b in bases:
        if not (b is _typing.TypedDict or (isinstance(b, type) and is_sandbox_type(b) and (
                (<type>b).__dict__.get("__monty_typeddict__") is True))):
            return False
    return True


cdef object _REQUIRED_ALIAS = type(_typing.Required[int])


cdef int typeddict_namespace(tuple bases, dict ns, dict kwargs) except -1:
    """typing.TypedDict: the class is a dict subclass with CPython's __total__,
    __required_keys__, __optional_keys__ and merged __annotations__ (total=, Required[] and
    NotRequired[] decide, bases' keys first)."""
    total = kwargs.pop("total", True)
    required, optional, ann = set(), set(), {}
    for b in bases:
        if b is _typing.TypedDict:
            continue
        d = (<type>b).__dict__
        required.update(d["__required_keys__"])
        optional.update(d["__optional_keys__"])
        ann.update(d.get("__annotations__", {}))
    own = ns.get("__annotations__", {})
    if type(own) is dict:
        for key, value in (<dict>own).items():
            origin = value.__origin__ if type(value) is _REQUIRED_ALIAS else None
            if origin is _typing.Required or (origin is not _typing.NotRequired and total):
                required.add(key)
                optional.discard(key)
            else:
                optional.add(key)
                required.discard(key)
        ann.update(own)
    ns["__annotations__"] = ann
    ns["__required_keys__"] = frozenset(required)
    ns["__optional_keys__"] = frozenset(optional)
    ns["__total__"] = total
    ns["__monty_typeddict__"] = True
    return 0


cdef int run_subclass_hook(object cls) except -1:
    """`__monty_subclass_hook__(cls)`, a sandbox function found on the new class's MRO, runs
    once the class exists, as __init_subclass__ does, but only when a class statement or type()
    makes the class: a snapshot restores the class's namespace (what the hook set included)
    without running it (abc.ABC computes the abstract methods this way)."""
    cdef PyObject* p = _PyType_Lookup(<PyObject*>cls, <PyObject*>"__monty_subclass_hook__")
    cdef VM vm
    if p == NULL or TYPE(p) != <PyObject*>Function:
        return 0
    vm = cur_vm()
    if vm is None:
        return 0
    vm.call_nested(<object>p, (cls,), None)
    return 0


cdef bint _is_typing_marker(object base):
    """Generic / Protocol (bare or subscripted) only matter to type checkers: dropped."""
    return base is _typing.Generic or base is _typing.Protocol or (
        getattr(type(base), "__module__", None) == "typing"
        and getattr(base, "__origin__", None) in (_typing.Generic, _typing.Protocol))


cdef object named_tuple_base(str name, dict ns):
    """typing.NamedTuple: a collections.namedtuple built from the class's annotations."""
    fields = list(ns.get("__annotations__", {}))
    defaults = []
    for field in fields:
        if field in ns:
            defaults.append(ns.pop(field))
        elif defaults:
            raise TypeError(f"Non-default namedtuple field {field} cannot follow default field"
                            f"{'s' if len(defaults) > 1 else ''} {', '.join(fields[:len(defaults)])}")
    base = _collections.namedtuple(name, fields, defaults=defaults or None)
    base.__module__ = "__main__"
    base.__monty_class__ = True
    _sandbox_classes.add(base)
    return base


cdef object b_super(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    no_kwargs("super", kwargs)
    if npos == 2:
        return super(positional[0], positional[1])
    if npos != 0:
        raise TypeError(f"super() takes at most 2 arguments ({npos} given)")
    cdef Frame* f = &vm.frames[vm.depth - 1]
    cdef Code code = <Code>f.code
    cdef int i
    cdef PyObject* p
    if f.base < 0 or "__class__" not in code.freevars:
        raise RuntimeError("super(): __class__ cell not found")
    i = code.freevars.index("__class__")
    cls = (<Cell>vm.stack[f.base + code.nlocals + code.ncells + i]).contents
    if code.argcount == 0 or cls is UNBOUND:
        raise RuntimeError("super(): no arguments")
    first = code.varnames[0]
    if first in code.cellvars:
        self_obj = (<Cell>vm.stack[f.base + code.nlocals + code.cellvars.index(first)]).contents
    else:
        p = vm.stack[f.base]
        if p == NULL:
            raise RuntimeError("super(): arg[0] deleted")
        self_obj = <object>p
    return super(cls, self_obj)


_VM_BUILTINS["super"] = make_builtin("super", b_super)
