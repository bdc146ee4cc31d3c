# What a sandbox class inherits from a builtin base, as sandbox code may reach it: methods come
# from the policy's tables (policy.base_attribute); protocol dunders (`S.__mul__`,
# `super().__eq__(o)`, `object.__setattr__(self, n, v)`, `super().__new__(cls)`) come back as
# SlotMethod, which applies the pre-checks the eval loop applies to the same operation and then
# calls the base's own implementation (never the operator, which would dispatch back to the
# override).
#
# Offers: SlotMethod, slot_attribute, slot_new, call_slot, slot_setattr, object_attribute,
# call_builtin_checked, precheck_binary, is_builtin_class, class_definer, exact_value.

cdef object _object_setattr = object.__setattr__
cdef object _object_delattr = object.__delattr__

# the builtin bases whose values the pre-checks see as an exact copy (see exact_value)
cdef tuple _COPYABLE = (str, int, float, bytes, tuple, frozenset, complex, list, dict, set)
cdef dict _COPY = {list: list.copy, dict: dict.copy, set: set.copy}

# dunder -> (BINARY_OP operand, operands reflected)
from monty.opcodes import BINOP_INFO as _BINOP_INFO

cdef dict _BINARY_SLOTS = {}      # dunder -> (BinOp, reflected)
for _op, _info in _BINOP_INFO.items():
    _n = _info[2].rstrip("_")
    _BINARY_SLOTS[f"__{_n}__"] = (int(_op), False)
    _BINARY_SLOTS[f"__r{_n}__"] = (int(_op), True)
    _BINARY_SLOTS[f"__i{_n}__"] = (int(_op) + BINOP_INPLACE, False)

cdef dict _COMPARE_SLOTS = {"__lt__": CMP_LT, "__le__": CMP_LE, "__eq__": CMP_EQ,
                            "__ne__": CMP_NE, "__gt__": CMP_GT, "__ge__": CMP_GE}

# immutable bases whose __new__ builds its value with the builtin's own checked call first
cdef tuple _VALUE_NEW = (str, int, float, bytes, tuple, frozenset, complex)

# slots sandbox code has no use for on a builtin base
cdef frozenset _REFUSED_SLOTS = frozenset(["__class_getitem__", "__getattr__", "__set_name__",
                                           "__get__", "__set__", "__delete__", "__call__"])


cdef bint is_builtin_class(object klass):
    """A class of CPython's builtins (object, str, int, the exceptions...)."""
    return _policy._type_module(klass) == "builtins"


cdef object class_definer(object cls, str name, Py_ssize_t start=0):
    """The first class on cls's MRO (from index `start`) whose namespace holds `name`."""
    mro = _policy._mro(cls)
    cdef Py_ssize_t i
    for i in range(start, len(mro)):
        klass = mro[i]
        if name in _policy._type_dict(klass):
            return klass
    return None


cdef object exact_value(object x):
    """x itself, or for an instance of a sandbox subclass of a builtin its value as an exact
    builtin (a copy made without running any of the subclass's methods): what the VM's
    pre-checks, which key on exact types, measure."""
    t = type(x)
    if not is_sandbox_type(t):
        return x
    for base in _COPYABLE:
        if base in _policy._mro(t):
            copy = _COPY.get(base)
            return copy(x) if copy is not None else _policy._exact(x, base)
    return x


cdef object lazy_items(object it, long per_item):
    """An iterable argument a builtin slot materialises: a sized builtin is pre-checked, any
    other iterable is materialised first under the VM's accounting."""
    if sized_items(it) >= 0:
        _policy.check_iterable(it, per_item)
        return it
    if isinstance(it, SandboxIter) or is_sandbox_type(type(it)):
        return _policy.materialize(get_iter(it))
    return it


cdef object call_builtin_checked(VM vm, object func, tuple args, dict kwargs):
    """func(*args, **kwargs) for a builtin constructor (str, int, bytes, tuple...) with the
    checks the eval loop makes when sandbox code calls it."""
    n = len(args)
    if n >= 1 and (func is bytes or func is bytearray):
        check_bytes_size(args[0])
    if n == 1 and func is str:
        check_conversion(<PyObject*>func, args[0])
    elif func is int and n >= 1 and vm.deadline and (type(args[0]) is str or type(args[0]) is bytes):
        check_text_int(vm, args[0])
    if vm.deadline:
        for a in args:
            if type(a) is tuple:
                check_hash(vm, <PyObject*>a)
    if n >= 1 and is_heavy(<PyObject*>func):
        return call_heavy(vm, func, args, kwargs)
    return func(*args, **kwargs)


cdef int precheck_binary(VM vm, int op, object v, object w) except -1:
    """The eval loop's checks before `v (op) w` (BINARY_OP operand numbering)."""
    if type(v) is int and type(w) is int:
        if not unchecked_int_binop(op):
            check_binary(vm, op, <PyObject*>v, <PyObject*>w)
    elif op == BINOP_ADD or op == BINOP_INPLACE + BINOP_ADD:
        check_add(vm, <PyObject*>v, <PyObject*>w)
    if op == BINOP_MUL or op == BINOP_INPLACE + BINOP_MUL:
        check_repeat(v, w)
    elif op == BINOP_LSHIFT or op == BINOP_INPLACE + BINOP_LSHIFT:
        check_shift(v, w)
    elif op == BINOP_POW or op == BINOP_INPLACE + BINOP_POW:
        check_power(v, w)
    return 0


cdef int check_setattr_name(object obj, str name) except -1:
    """Whether sandbox code may assign or delete attribute `name` of the sandbox instance or
    class `obj`: not a dunder it did not define, and not an attribute a host class on the MRO
    defines (a slot, a property, a host module's internals) unless that module declares it
    writable. Raises AttributeError when it may not."""
    is_class = isinstance(obj, type)
    if name.startswith("__") and name.endswith("__") and not (
            name in ("__doc__",)
            or (is_class and name in _PROTOCOL_DUNDERS)     # e.g. a class decorator
            or (not is_class and defined_by_sandbox(type(obj), name))):
        raise AttributeError(f"'{type_name(obj)}' object attribute '{name}' is read-only in the sandbox")
    if type(obj) is super:
        raise AttributeError("'super' object attribute is read-only")
    cls = obj if is_class else type(obj)
    definer = class_definer(cls, name)
    if definer is None or is_sandbox_type(definer):
        return 0
    if is_class:
        return 0        # a class attribute of its own shadows the base's
    descr = _policy._type_dict(definer)[name]
    is_data = hasattr(type(descr), "__set__") or hasattr(type(descr), "__delete__")
    if is_builtin_class(definer):
        if not is_data or _policy.lookup_data(cls, name):
            return 0
    else:
        for klass in _policy._mro(cls):
            writable = _modules.WRITABLE.get(klass)
            if writable is not None and name in writable:
                return 0
    raise AttributeError(f"'{type_name(obj)}' object attribute '{name}' is read-only in the sandbox")


@cython.trashcan(True)
cdef class SlotMethod:
    """A builtin base's protocol method (`str.__mul__`, `object.__setattr__`...) as sandbox
    code may call it: bound to `receiver`, or unbound (receiver UNBOUND) when read from a class."""

    def __call__(self, *args, **kwargs):
        if self.name == "__new__":
            if not args:
                raise TypeError(f"{self.owner.__name__}.__new__(): not enough arguments")
            return slot_new(self.owner, self.impl, args[0], args[1:], kwargs)
        if self.receiver is UNBOUND:
            if not args:
                raise TypeError(f"unbound method {self.owner.__name__}.{self.name}() needs an argument")
            recv = args[0]
            args = args[1:]
            if not _policy._is_a(recv, self.owner):
                raise TypeError(f"descriptor '{self.name}' requires a '{self.owner.__name__}' "
                                f"object but received a '{type_name(recv)}'")
        else:
            recv = self.receiver
        return call_slot(self.owner, self.name, self.impl, recv, args, kwargs)

    def __repr__(self):
        if self.receiver is UNBOUND:
            return f"<slot wrapper '{self.name}' of '{self.owner.__name__}' objects>"
        return f"<method-wrapper '{self.name}' of {type_name(self.receiver)} object at {id(self.receiver):#x}>"

    def __eq__(self, other):
        if type(other) is not SlotMethod:
            return NotImplemented
        return ((<SlotMethod>other).owner is self.owner and (<SlotMethod>other).name == self.name
                and (<SlotMethod>other).receiver is self.receiver)

    def __hash__(self):
        return hash((id(self.owner), self.name, id(self.receiver)))


cdef SlotMethod make_slot(object owner, str name, object receiver):
    cdef SlotMethod m = SlotMethod.__new__(SlotMethod)
    m.owner = owner
    m.name = name
    m.impl = _policy._type_dict(owner)[name]
    m.receiver = receiver
    return m


cdef object slot_attribute(object definer, object obj, bint is_class, str name):
    """`obj.name` for a protocol dunder the builtin class `definer` provides on obj's MRO."""
    if name in _REFUSED_SLOTS:
        label = f"type object '{obj.__name__}'" if is_class else f"'{type_name(obj)}' object"
        raise AttributeError(f"{label} attribute '{name}' is not accessible in the sandbox")
    if _policy._type_dict(definer)[name] is None:
        return None                         # list.__hash__ and the like: "not hashable"
    if name == "__new__":
        return make_slot(definer, name, UNBOUND)
    if name == "__init_subclass__":
        return make_slot(definer, name, obj if is_class else type(obj))
    return make_slot(definer, name, UNBOUND if is_class else obj)


cdef object slot_new(object owner, object impl, object cls, tuple args, dict kwargs):
    """owner.__new__(cls, *args): only for sandbox classes deriving from owner (or an exposed
    builtin itself); an immutable value is built by the builtin's own checked call first."""
    cdef VM vm = cur_vm()
    oname = owner.__name__
    if not isinstance(cls, type):
        raise TypeError(f"{oname}.__new__(X): X is not a type object ({type_name(cls)})")
    if not issubclass(cls, owner):
        raise TypeError(f"{oname}.__new__({cls.__name__}): {cls.__name__} is not a subtype of {oname}")
    if not (is_sandbox_type(cls) or (cls is owner and (cls in _BASE_TYPES or cls in _policy.EXPOSED_TYPES))):
        raise TypeError(f"{oname}.__new__({cls.__name__}) is not accessible in the sandbox")
    if owner in _VALUE_NEW and (args or kwargs):
        if vm is not None and vm.running:
            value = call_builtin_checked(vm, owner, args, kwargs)
        else:
            value = owner(*args, **kwargs)
        return impl(cls, value)
    return impl(cls, *args, **kwargs)


cdef object call_slot(object owner, str name, object impl, object recv, tuple args, dict kwargs):
    cdef VM vm = cur_vm()
    cdef int op
    if name == "__setattr__" or name == "__delattr__":
        return slot_setattr(owner, name, recv, args, kwargs)
    if name == "__init_subclass__":
        return impl.__get__(None, recv)(*args, **kwargs)
    if vm is None or not vm.running or (kwargs and name != "__init__"):
        return impl(recv, *args, **kwargs)      # (slot wrappers take no keywords: TypeError)
    spec = _BINARY_SLOTS.get(name)
    if spec is not None and len(args) == 1:
        op = spec[0]
        a = exact_value(recv)
        b = exact_value(args[0])
        if (op == BINOP_MOD or op == BINOP_INPLACE + BINOP_MOD) and type(a) is str and not spec[1]:
            return _policy.safe_percent(a, b)
        if op == BINOP_MOD and spec[1] and type(a) is str and type(b) is str:
            return _policy.safe_percent(b, a)
        if (op == BINOP_INPLACE + BINOP_ADD or op == BINOP_INPLACE + BINOP_MUL) and isinstance(recv, list):
            if op == BINOP_INPLACE + BINOP_ADD:
                return impl(recv, lazy_items(args[0], 8))
            check_repeat(a, b)
            return impl(recv, *args)
        if spec[1]:
            precheck_binary(vm, op, b, a)
        else:
            precheck_binary(vm, op, a, b)
        return impl(recv, *args)
    if name in _COMPARE_SLOTS and len(args) == 1:
        a = exact_value(recv)
        b = exact_value(args[0])
        check_compare(vm, <PyObject*>a, <PyObject*>b, _COMPARE_SLOTS[name])
    elif name == "__hash__":
        a = exact_value(recv)
        check_hash(vm, <PyObject*>a)
    elif name == "__repr__":
        check_conversion(<PyObject*>_BUILTIN_REPR, exact_value(recv))
    elif name == "__str__":
        check_conversion(<PyObject*>str, exact_value(recv))
    elif name == "__format__" and len(args) == 1:
        a = exact_value(recv)
        if type(a) in (str, int, float, complex) and type(args[0]) is str:
            return _policy.safe_format_value(a, args[0])
        check_text(a)           # object.__format__ is str(self): an exception's args' text
    elif name == "__contains__" and len(args) == 1:
        check_contains(vm, exact_value(recv), args[0])
    elif name in ("__getitem__", "__setitem__", "__delitem__") and args:
        if type(args[0]) is tuple:
            check_hash(vm, <PyObject*>args[0])
        if name == "__setitem__" and len(args) == 2 and type(args[0]) is slice:
            return impl(recv, args[0], lazy_items(args[1], 8))
    elif name == "__init__":
        if len(args) == 1 and (owner is list or owner is set or owner is dict):
            return impl(recv, lazy_items(args[0], 8 if owner is list else 64), **kwargs)
        return impl(recv, *args, **kwargs)
    elif name == "__round__" and args and args[0] is not None and _policy._is_a(recv, int):
        return round_int(vm, exact_value(recv), _operator_index(args[0]))
    return impl(recv, *args)


cdef object slot_setattr(object owner, str name, object recv, tuple args, dict kwargs):
    """object.__setattr__ / __delattr__ (and a builtin base's, which are object's): on sandbox
    instances only, by the rules of attribute assignment, bypassing the class's override."""
    setting = name == "__setattr__"
    if kwargs or len(args) != (2 if setting else 1):
        return (_object_setattr if setting else _object_delattr)(recv, *args, **kwargs)
    attr = args[0]
    if type(attr) is not str:
        raise TypeError(f"attribute name must be string, not '{type_name(attr)}'")
    if isinstance(recv, type):
        raise TypeError(f"can't apply this {name} to type object")
    if not is_sandbox_type(type(recv)):
        raise AttributeError(f"'{type_name(recv)}' object attribute '{attr}' is read-only in the sandbox")
    check_setattr_name(recv, attr)
    if setting:
        _object_setattr(recv, attr, args[1])
    else:
        _object_delattr(recv, attr)
    return None


cdef object object_attribute(str name):
    """`object.name`: object's protocol methods as SlotMethod, its readable dunders."""
    if name in _READABLE_CLASS_DUNDERS:
        return getattr(object, name)
    if name == "__class__":
        return sandbox_type_of(object)
    if name in _PROTOCOL_DUNDERS and name in _policy._type_dict(object):
        return slot_attribute(object, object, True, name)
    if name in _policy._type_dict(object) or name in _policy._type_dict(type):
        raise AttributeError(f"type object 'object' attribute '{name}' is not accessible in the sandbox")
    raise AttributeError(f"type object 'object' has no attribute '{name}'")


def slot_state(SlotMethod m):
    """(receiver or None when unbound, owner, name): what a snapshot records of a SlotMethod
    (it is read back through the gate, as `receiver.name` or `owner.name`)."""
    return (None if m.receiver is UNBOUND else m.receiver), m.owner, m.name
