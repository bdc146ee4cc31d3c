# `with` and `match` statements: the helpers behind BEFORE_WITH, WITH_EXCEPT_START,
# MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS, MATCH_CLASS and GET_LEN (CPython 3.11 semantics).
# Each op_* works on the value stack just below `sp` (one past the top) and keeps the reference
# counts right; run_frames only moves `sp` by the instruction's stack effect.
#
# Offers: op_before_with, op_with_except_start, op_match_kind, op_get_len, op_match_keys,
# op_match_class (one per instruction), lookup_special.

cdef extern from *:
    """
    static unsigned long monty_type_flags(PyObject* t) {
        return PyType_GetFlags((PyTypeObject*)t);
    }
    static const char* monty_tp_name(PyObject* t) {
        return ((PyTypeObject*)t)->tp_name;
    }
    """
    unsigned long monty_type_flags(PyObject*)
    const char* monty_tp_name(PyObject*)

cdef enum:
    TPFLAGS_SEQUENCE = 1 << 5       # Py_TPFLAGS_SEQUENCE
    TPFLAGS_MAPPING = 1 << 6        # Py_TPFLAGS_MAPPING
    TPFLAGS_MATCH_SELF = 1 << 22    # _Py_TPFLAGS_MATCH_SELF


# ------------------------------------------------------------------ with

cdef object lookup_special(object obj, str name):
    """`obj`'s special method `name` bound to it, or None when its type defines none
    (CPython's _PyObject_LookupSpecial: the type's MRO, never the instance dict).

    Only sandbox classes define methods sandbox code may reach this way; CPython's own
    values and the VM's objects have no context-manager methods."""
    t = type(obj)
    if not is_sandbox_type(t):
        return None
    for klass in t.__mro__:
        namespace = klass.__dict__
        if name in namespace:
            attr = namespace[name]
            get = getattr(type(attr), "__get__", None)
            return get(attr, obj, t) if get is not None else attr
    return None


cdef int op_before_with(PyObject** sp) except -1:
    """[manager] -> [bound __exit__, bound __enter__]; a CALL 0 then calls __enter__."""
    mgr = <object>sp[-1]
    enter = lookup_special(mgr, "__enter__")
    if enter is None:
        raise TypeError(f"'{type_name(mgr)}' object does not support the context manager protocol")
    exit_ = lookup_special(mgr, "__exit__")
    if exit_ is None:
        raise TypeError(f"'{type_name(mgr)}' object does not support the context manager protocol "
                        f"(missed __exit__ method)")
    INCREF(<PyObject*>exit_)
    INCREF(<PyObject*>enter)
    DECREF(sp[-1])
    sp[-1] = <PyObject*>exit_
    sp[0] = <PyObject*>enter
    return 0


cdef object exit_exc_type(object exc):
    """The first argument __exit__ receives for the exception `exc`."""
    return type(exc)


cdef int op_with_except_start(PyObject** sp) except -1:
    """[exc] -> [type(exc), exc, None]: the arguments of __exit__ (the traceback is None)."""
    t = exit_exc_type(<object>sp[-1])
    INCREF(<PyObject*>t)
    INCREF(NONE_P)
    sp[0] = sp[-1]
    sp[-1] = <PyObject*>t
    sp[1] = NONE_P
    return 0


# ------------------------------------------------------------------ match

cdef bint is_match_sequence(object obj):
    """Does `obj` match sequence patterns (collections.abc.Sequence minus str/bytes/bytearray)?"""
    return (monty_type_flags(TYPE(<PyObject*>obj)) & TPFLAGS_SEQUENCE) != 0


cdef bint is_match_mapping(object obj):
    """Does `obj` match mapping patterns (collections.abc.Mapping)?"""
    return (monty_type_flags(TYPE(<PyObject*>obj)) & TPFLAGS_MAPPING) != 0


cdef int op_match_kind(PyObject** sp, bint mapping) except -1:
    """[subject] -> [subject, bool]"""
    cdef PyObject* r
    if mapping:
        r = TRUE_P if is_match_mapping(<object>sp[-1]) else FALSE_P
    else:
        r = TRUE_P if is_match_sequence(<object>sp[-1]) else FALSE_P
    INCREF(r)
    sp[0] = r
    return 0


cdef int op_get_len(PyObject** sp) except -1:
    """[subject] -> [subject, len(subject)]"""
    n = len(<object>sp[-1])
    INCREF(<PyObject*>n)
    sp[0] = <PyObject*>n
    return 0


cdef object match_keys(object subject, tuple keys):
    """The values of `keys` in the mapping `subject`, or None if one is missing."""
    if not keys:
        return ()
    getter = (<dict>subject).get if type(subject) is dict else get_attribute(subject, "get")
    seen = set()
    values = []
    for key in keys:
        if key in seen:
            raise ValueError(f"mapping pattern checks duplicate key ({key!r})")
        seen.add(key)
        value = getter(key, _MISSING)
        if value is _MISSING:
            return None
        values.append(value)
    return tuple(values)


cdef int op_match_keys(PyObject** sp) except -1:
    """[subject, keys] -> [subject, keys, values or None]"""
    res = match_keys(<object>sp[-2], <tuple>sp[-1])
    INCREF(<PyObject*>res)
    sp[0] = <PyObject*>res
    return 0


cdef str class_name(object cls):
    return (<bytes>monty_tp_name(<PyObject*>cls)).decode("utf-8", "replace")


cdef object match_class_attr(object subject, object cls, str name, set seen):
    if name in seen:
        raise TypeError(f"{class_name(cls)}() got multiple sub-patterns for attribute {name!r}")
    seen.add(name)
    try:
        return get_attribute(subject, name)
    except AttributeError:
        return _MISSING


cdef object match_class(object subject, object cls, Py_ssize_t nargs, tuple kwnames):
    """The attributes a class pattern `cls(<nargs positional>, **kwnames)` extracts from
    `subject` (positional ones first), or None if it does not match.

    As in CPython: an isinstance check, then `__match_args__` for positional sub-patterns,
    with the "match self" rule (one positional sub-pattern matching the subject itself) for
    bool, bytes, dict, float, frozenset, int, list, set, str, tuple and their subclasses.
    Sandbox classes are CPython heap types, so the same code serves them; attributes are read
    through the gate."""
    cdef set seen
    cdef list attrs
    cdef Py_ssize_t allowed, i
    if not isinstance(cls, type):
        raise TypeError("called match pattern must be a type")
    if not isinstance(subject, cls):
        return None
    seen = set()
    attrs = []
    if nargs:
        match_self = False
        try:
            match_args = getattr(cls, "__match_args__")
        except AttributeError:
            match_args = ()
            match_self = (monty_type_flags(<PyObject*>cls) & TPFLAGS_MATCH_SELF) != 0
        else:
            if type(match_args) is not tuple:
                raise TypeError(f"{class_name(cls)}.__match_args__ must be a tuple "
                                f"(got {type_name(match_args)})")
        allowed = 1 if match_self else len(match_args)
        if allowed < nargs:
            raise TypeError(f"{class_name(cls)}() accepts {allowed} positional sub-pattern"
                            f"{'' if allowed == 1 else 's'} ({nargs} given)")
        if match_self:
            attrs.append(subject)
        else:
            for i in range(nargs):
                name = match_args[i]
                if type(name) is not str:
                    raise TypeError(f"__match_args__ elements must be strings (got {type_name(name)})")
                value = match_class_attr(subject, cls, name, seen)
                if value is _MISSING:
                    return None
                attrs.append(value)
    for name in kwnames:
        value = match_class_attr(subject, cls, name, seen)
        if value is _MISSING:
            return None
        attrs.append(value)
    return tuple(attrs)


cdef int op_match_class(PyObject** sp, Py_ssize_t nargs) except -1:
    """[subject, cls, kwnames] -> [attributes tuple or None]"""
    res = match_class(<object>sp[-3], <object>sp[-2], nargs, <tuple>sp[-1])
    INCREF(<PyObject*>res)
    DECREF(sp[-1])
    DECREF(sp[-2])
    DECREF(sp[-3])
    sp[-3] = <PyObject*>res
    return 0
