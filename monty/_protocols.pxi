# Protocol dunders in the loop: when an instruction meets an instance of a sandbox class whose
# property, descriptor, __getattr__, __str__, operator or __next__ is a sandbox function, it
# runs that function as a frame of this loop (a host call inside pauses and snapshots) instead
# of letting CPython's C slot run it in a nested loop. The callee frame's `proto` (the
# PROTOCOLS table of monty/opcodes.py) says what the waiting instruction does with the value;
# the instruction's inputs stay on the caller's stack until it finishes.
#
# Offers:
#   heap_typed(v)                                     the cheap test the loop makes first
#   attr_protocol(vm, f, pc, top, name)               LOAD_ATTR / LOAD_METHOD
#   store_protocol(vm, f, pc, top, name, delete)      STORE_ATTR / DELETE_ATTR
#   format_protocol(vm, f, pc, top, a)                FORMAT_VALUE
#   next_protocol(vm, f, pc, top, it)                 FOR_ITER over a sandbox iterator
#   binary_protocol(vm, f, pc, top, a)                BINARY_OP (forward, reflected, in place)
#   compare_protocol(vm, f, pc, top, a)               COMPARE_OP (<, ==... and reflected)
#   call_conversion(vm, f, pc, func_slot, args, kind) str(x) / repr(x) / format(x, spec)
#   returned_to(vm, caller, proto, r)                 a dunder frame returned r
#   stop_iteration_ends(vm, f, sp)                    StopIteration left a __next__ frame
# Each entry point returns 1 when it took the instruction over (a frame runs next, or the
# instruction finished: f.sp and f.pc set), 0 when the loop goes on with CPython's path.

cdef object _object_ne = object.__dict__["__ne__"]
cdef object _object_str = object.__dict__["__str__"]
cdef object _object_format = object.__dict__["__format__"]
cdef object _object_getattribute = object.__dict__["__getattribute__"]
cdef object _object_setattr_entry = object.__dict__["__setattr__"]
cdef object _object_delattr_entry = object.__dict__["__delattr__"]
cdef tuple _NUMBER_TYPES = (int, float, complex, bool)
cdef object _BUILTIN_LEN = len
import functools as _functools
cdef object _cached_property = _functools.cached_property
cdef tuple _REFLECTED_CMP = ("__gt__", "__ge__", "__eq__", "__ne__", "__lt__", "__le__")
cdef tuple _CMP_NAMES = ("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")
cdef tuple _CMP_SYMBOLS = ("<", "<=", "==", "!=", ">", ">=")


cdef inline bint heap_typed(PyObject* v) noexcept:
    """The value's class is a heap type (a sandbox class among them): the only values whose
    protocol methods may be sandbox functions."""
    return (PyType_GetFlags(TYPE(v)) & Py_TPFLAGS_HEAPTYPE) != 0


cdef PyObject* plain_dunder(object t, str name):
    """The sandbox function `name` on class t's MRO (borrowed), or NULL: a plain function the
    loop can run as a frame (not a generator or coroutine function, which only make a value)."""
    cdef PyObject* p = _PyType_Lookup(<PyObject*>t, <PyObject*>name)
    if p == NULL or TYPE(p) != <PyObject*>Function:
        return NULL
    if (<Function>p).code.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR):
        return NULL
    return p


cdef int enter_dunder(VM vm, Frame* f, int pc, Py_ssize_t top, object fn, tuple args,
                      int proto) except -1:
    """Push fn(*args) as a frame whose call slot is f's value-stack top (f's inputs stay
    below it); the frame records `proto`."""
    cdef PyObject** stack = vm.stack
    cdef Py_ssize_t i, n = len(args)
    if top + n + 2 >= vm.stack_cap:
        raise RecursionError("maximum recursion depth exceeded (data stack full)")
    f.pc = pc
    f.sp = top
    vm.ticks -= 1
    if vm.ticks <= 0:
        check_limits(vm, top)
    INCREF(<PyObject*>fn)
    stack[top] = <PyObject*>fn
    for i in range(n):
        INCREF(<PyObject*>args[i])
        stack[top + 1 + i] = <PyObject*>args[i]
    stack[top + 1 + n] = NULL
    try:
        bind_and_push(vm, <Function>fn, top, top + 1, n, NULL, 0)
    except BaseException:
        release_to(stack + top + 1 + n, stack + top)
        raise
    vm.frames[vm.depth - 1].proto = proto
    return 1


cdef int finish_op(VM vm, Frame* f, object value) except -1:
    """The instruction frame f waits at (its inputs on f's stack) completes with `value`: the
    inputs go, and the value is pushed, stored, dropped or tested as the instruction says."""
    cdef Code code = <Code>f.code
    cdef int op = code.instrs[(f.pc - 1) * 3]
    cdef int a = code.instrs[(f.pc - 1) * 3 + 1]
    cdef int b = code.instrs[(f.pc - 1) * 3 + 2]
    cdef PyObject** stack = vm.stack
    cdef PyObject** sp = stack + f.sp
    cdef PyObject** fast
    cdef PyObject* old
    cdef int h
    cdef Py_ssize_t n = 0
    if op == OP_FOR_ITER:
        sp = push_new(sp, value)
    elif op == OP_FOR_ITER_STORE_FAST or op == OP_BINARY_OP_STORE_FAST:
        if op == OP_BINARY_OP_STORE_FAST:
            release_to(sp, sp - 2)
            sp -= 2
        fast = (<PyListObject*>vm.gvals).ob_item if f.base < 0 else stack + f.base
        old = fast[b]
        INCREF(<PyObject*>value)
        fast[b] = <PyObject*>value
        XDECREF(old)
    elif op == OP_LOAD_METHOD:
        release_to(sp, sp - 1)
        sp[-1] = <PyObject*>value
        INCREF(sp[-1])
        sp[0] = NULL
        sp += 1
    elif op == OP_COMPARE_JUMP_IF_FALSE or op == OP_POP_JUMP_IF_FALSE or op == OP_POP_JUMP_IF_TRUE:
        if heap_typed(<PyObject*>value) and truth_frame(vm, f, value):
            return 0                # (a comparison's value) its __bool__ / __len__ decides
        n = 2 if op == OP_COMPARE_JUMP_IF_FALSE else 1
        release_to(sp, sp - n)
        f.sp = sp - n - stack
        INCREF(<PyObject*>value)
        h = truth_and_release(<PyObject*>value)
        if h == (op == OP_POP_JUMP_IF_TRUE):
            f.pc = b if op == OP_COMPARE_JUMP_IF_FALSE else a
            vm.ticks -= 1
        return 0
    elif op == OP_JUMP_IF_FALSE_OR_POP or op == OP_JUMP_IF_TRUE_OR_POP:
        INCREF(<PyObject*>value)
        h = truth_and_release(<PyObject*>value)
        if h == (op == OP_JUMP_IF_TRUE_OR_POP):
            f.pc = a                # the tested value stays: it is the expression's value
            return 0
        release_to(sp, sp - 1)
        sp -= 1
    else:
        if op == OP_STORE_SUBSCR:
            n = 3
        elif (op == OP_STORE_ATTR or op == OP_DELETE_SUBSCR or op == OP_BINARY_OP
                or op == OP_COMPARE_OP or op == OP_BINARY_SUBSCR):
            n = 2
        elif op == OP_FORMAT_VALUE:
            n = 2 if a & FV_SPEC else 1
        elif op == OP_BUILD_CLASS:
            n = a + 2 + (b & 1)
        else:       # LOAD_ATTR, DELETE_ATTR, UNARY_OP, GET_ITER
            n = 1
        release_to(sp, sp - n)
        sp -= n
        if not (op == OP_STORE_ATTR or op == OP_DELETE_ATTR or op == OP_STORE_SUBSCR
                or op == OP_DELETE_SUBSCR):
            sp = push_new(sp, value)
    f.sp = sp - stack
    return 0


# ------------------------------------------------------------------ attributes

cdef int attr_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, str name) except -1:
    """`obj.name` (obj on top): a property getter, a sandbox descriptor's __get__, or
    __getattr__ after the ordinary lookup failed."""
    cdef PyObject* descr
    cdef PyObject* getattr_fn
    cdef PyObject* get
    cdef PyObject* dt
    obj = <object>vm.stack[top - 1]
    t = type(obj)
    # the common cases first: an instance attribute or a method (no __getattr__)
    descr = _PyType_Lookup(<PyObject*>t, <PyObject*>name)
    if descr != NULL:
        dt = TYPE(descr)
        if not (dt == <PyObject*>property or dt == <PyObject*>_cached_property
                or (PyType_GetFlags(dt) & Py_TPFLAGS_HEAPTYPE)):
            return 0
        getattr_fn = NULL
    else:
        getattr_fn = plain_dunder(t, "__getattr__")
        if getattr_fn == NULL:
            return 0
    if not is_sandbox_type(t) or is_dunderish(name):
        return 0
    if _PyType_Lookup(<PyObject*>t, <PyObject*>"__getattribute__") != <PyObject*>_object_getattribute:
        return 0
    if descr != NULL:
        getattr_fn = plain_dunder(t, "__getattr__")
    if descr != NULL and getattr_fn == NULL:
        # (with __getattr__, an AttributeError of the getter goes on to it: CPython's path)
        if TYPE(descr) == <PyObject*>_cached_property:
            fn = (<object>descr).func
            attrname = (<object>descr).attrname
            if not plain_dunder_value(fn) or type(attrname) is not str:
                return 0
            d = own_dict(obj)
            if d is not None and attrname in d:
                return 0            # cached already: CPython's path reads the __dict__
            return enter_dunder(vm, f, pc, top, fn, (obj,), PROTO_CACHED)
        if TYPE(descr) == <PyObject*>property:
            fget = (<object>descr).fget
            if plain_dunder_value(fget):
                return enter_dunder(vm, f, pc, top, fget, (obj,), PROTO_ATTR)
            return 0
        if is_sandbox_type(<object>TYPE(descr)):
            dtype = <object>TYPE(descr)
            get = plain_dunder(dtype, "__get__")
            if get == NULL:
                return 0
            if (_PyType_Lookup(<PyObject*>dtype, <PyObject*>"__set__") == NULL
                    and _PyType_Lookup(<PyObject*>dtype, <PyObject*>"__delete__") == NULL):
                d = own_dict(obj)
                if d is not None and name in d:
                    return 0            # the instance's own value shadows a non-data descriptor
            return enter_dunder(vm, f, pc, top, <object>get, (<object>descr, obj, t), PROTO_ATTR)
        return 0
    if getattr_fn == NULL or (descr != NULL and maybe_builtin_attribute(descr)):
        return 0
    try:
        value = _object_getattribute(obj, name)
    except AttributeError:
        return enter_dunder(vm, f, pc, top, <object>getattr_fn, (obj, name), PROTO_ATTR)
    guard_value(vm, <PyObject*>value)
    f.pc = pc
    f.sp = top
    finish_op(vm, f, value)
    return 1


cdef inline bint plain_dunder_value(object fn):
    """fn is a sandbox function the loop can run as a frame."""
    return type(fn) is Function and not (
        (<Function>fn).code.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))


cdef int store_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, str name, bint delete) except -1:
    """`obj.name = v` (v, obj on top) or `del obj.name` (obj on top): __setattr__ /
    __delattr__, a property's setter / deleter, a sandbox descriptor's __set__ / __delete__."""
    cdef PyObject* descr
    cdef PyObject* hook
    obj = <object>vm.stack[top - 1]
    t = type(obj)
    if not is_sandbox_type(t) or is_dunderish(name):
        return 0
    hook = plain_dunder(t, "__delattr__" if delete else "__setattr__")
    if hook != NULL:
        args = (obj, name) if delete else (obj, name, <object>vm.stack[top - 2])
        return enter_dunder(vm, f, pc, top, <object>hook, args, PROTO_DISCARD)
    descr = _PyType_Lookup(<PyObject*>t, <PyObject*>name)
    if descr == NULL:
        return 0
    if TYPE(descr) == <PyObject*>property:
        fn = (<object>descr).fdel if delete else (<object>descr).fset
        if not plain_dunder_value(fn):
            return 0
        args = (obj,) if delete else (obj, <object>vm.stack[top - 2])
        return enter_dunder(vm, f, pc, top, fn, args, PROTO_DISCARD)
    if is_sandbox_type(<object>TYPE(descr)):
        hook = plain_dunder(<object>TYPE(descr), "__delete__" if delete else "__set__")
        if hook == NULL:
            return 0
        args = (<object>descr, obj) if delete else (<object>descr, obj, <object>vm.stack[top - 2])
        return enter_dunder(vm, f, pc, top, <object>hook, args, PROTO_DISCARD)
    return 0


# ------------------------------------------------------------------ text conversions

cdef tuple conversion_of(object obj, int kind):
    """(function, protocol) that turns obj into text for `kind` (PROTO_STR, PROTO_REPR or
    PROTO_FORMAT), or None when it is not a sandbox function (CPython's path)."""
    cdef PyObject* p
    t = type(obj)
    if not is_sandbox_type(t):
        return None
    if kind == PROTO_FORMAT:
        p = plain_dunder(t, "__format__")
        if p != NULL:
            return (<object>p, PROTO_FORMAT)
        if _PyType_Lookup(<PyObject*>t, <PyObject*>"__format__") != <PyObject*>_object_format:
            return None
        kind = PROTO_STR            # object.__format__(x, "") is str(x)
    if kind == PROTO_STR:
        p = plain_dunder(t, "__str__")
        if p != NULL:
            return (<object>p, PROTO_STR)
        if _PyType_Lookup(<PyObject*>t, <PyObject*>"__str__") != <PyObject*>_object_str:
            return None
    p = plain_dunder(t, "__repr__")
    if p != NULL:
        return (<object>p, PROTO_REPR)
    return None


cdef int format_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, int a) except -1:
    """FORMAT_VALUE of a sandbox object: __format__, or __str__ / __repr__ (a conversion
    without a spec, or the default format with an empty spec)."""
    cdef int conv = a & 3
    cdef PyObject** sp = vm.stack + top
    if a & FV_SPEC:
        if conv != 0 or TYPE(sp[-1]) != <PyObject*>str:
            return 0
        obj = <object>sp[-2]
        spec = <object>sp[-1]
    else:
        obj = <object>sp[-1]
        spec = ""
    if conv == 0:
        found = conversion_of(obj, PROTO_FORMAT)
        if found is None or ((<tuple>found)[1] != PROTO_FORMAT and spec != ""):
            return 0
    elif conv == 1 or conv == 2:
        found = conversion_of(obj, PROTO_STR if conv == 1 else PROTO_REPR)
        if found is None:
            return 0
    else:
        return 0
    fn, proto = found
    args = (obj, spec) if proto == PROTO_FORMAT else (obj,)
    return enter_dunder(vm, f, pc, top, fn, args, proto)


cdef int call_conversion(VM vm, Frame* f, int pc, PyObject** func_slot, PyObject** args,
                         PyObject** sp, Py_ssize_t n, int kind) except -1:
    """str(x), repr(x) or format(x[, spec]) of a sandbox object whose conversion is a sandbox
    function: that function runs in the call's own slot (its result checked on return)."""
    cdef PyObject** stack = vm.stack
    obj = <object>args[0]
    found = conversion_of(obj, kind)
    if found is None:
        return 0
    fn, proto = found
    if proto != PROTO_FORMAT and kind == PROTO_FORMAT and n == 2 and not (
            type(<object>args[1]) is str and len(<str><object>args[1]) == 0):
        return 0            # object.__format__ with a spec: CPython's TypeError
    if proto == PROTO_FORMAT and n == 1:
        INCREF(<PyObject*>"")
        sp[0] = <PyObject*>""
        sp += 1
        n = 2
    elif proto != PROTO_FORMAT and n == 2:
        sp -= 1
        DECREF(sp[0])
        sp[0] = NULL
        n = 1
    f.pc = pc
    f.sp = func_slot - stack
    vm.ticks -= 1
    if vm.ticks <= 0:
        check_limits(vm, sp - stack)
    DECREF(func_slot[0])
    func_slot[0] = <PyObject*>fn
    INCREF(func_slot[0])
    bind_and_push(vm, <Function>fn, func_slot - stack, args - stack, n, NULL, 0)
    vm.frames[vm.depth - 1].proto = proto
    return 1


cdef object instance_call(PyObject* v):
    """The __call__ of a sandbox object when it is a sandbox function (run as a frame of the
    CALL, the object first), or None."""
    cdef PyObject* p
    if not is_sandbox_type(<object>TYPE(v)):
        return None
    p = plain_dunder(<object>TYPE(v), "__call__")
    return <object>p if p != NULL else None


# ------------------------------------------------------------------ containers' text

cdef inline bint is_container(PyObject* v) noexcept:
    cdef PyObject* t = TYPE(v)
    return (t == <PyObject*>list or t == <PyObject*>tuple or t == <PyObject*>dict
            or t == <PyObject*>set or t == <PyObject*>frozenset)


cdef bint _item_needs_loop(object x, int depth, Py_ssize_t* budget) except -1:
    budget[0] -= 1
    if budget[0] < 0:
        return False
    if heap_typed(<PyObject*>x):
        return is_sandbox_type(type(x))
    if is_container(<PyObject*>x) and depth < 20:
        return holds_sandbox(x, depth + 1, budget)
    return False


cdef bint holds_sandbox(object o, int depth, Py_ssize_t* budget) except -1:
    """The exact list, tuple, dict, set or frozenset o holds an instance of a sandbox class
    (nested containers included, within a budget of items looked at): its text is made by
    repr_ of monty/modules/_sandbox/_loops.py, whose calls of the items' __repr__ can pause."""
    cdef PyObject* t = TYPE(<PyObject*>o)
    if t == <PyObject*>dict:
        for k, v in (<dict>o).items():
            if _item_needs_loop(k, depth, budget) or _item_needs_loop(v, depth, budget):
                return True
            if budget[0] < 0:
                return False
        return False
    for x in o:
        if _item_needs_loop(x, depth, budget):
            return True
        if budget[0] < 0:
            return False
    return False


cdef inline bint container_needs_loop(PyObject* v) except -1:
    cdef Py_ssize_t budget = 10000
    return is_container(v) and holds_sandbox(<object>v, 0, &budget)


cdef int container_format(VM vm, Frame* f, int pc, Py_ssize_t top, int a) except -1:
    """FORMAT_VALUE (no spec) of a container holding sandbox objects: its text from repr_ (or
    ascii_ for !a) as a frame."""
    cdef int conv = a & 3
    fn = loops_function(vm, "ascii_" if conv == 3 else "repr_")
    if fn is None:
        return 0
    return enter_dunder(vm, f, pc, top, fn, (<object>vm.stack[top - 1],),
                        PROTO_STR if conv <= 1 else PROTO_REPR)


cdef bint mod_needs_loop(PyObject* w) except -1:
    """`str % w` converts a sandbox object (w itself, an item of the tuple w or a value of the
    dict w): str_mod of monty/modules/_sandbox/_loops.py does it in the loop."""
    cdef PyObject* t = TYPE(w)
    if t == <PyObject*>tuple:
        for x in <tuple>w:
            if (heap_typed(<PyObject*>x) and is_sandbox_type(type(x))
                    and not monty_sub_builtin(<PyObject*>x)) or container_needs_loop(<PyObject*>x):
                return True
        return False
    if t == <PyObject*>dict or t == <PyObject*>list:
        return container_needs_loop(w)
    return (heap_typed(w) and is_sandbox_type(<object>t) and not monty_sub_builtin(w)
            and _PyType_Lookup(t, <PyObject*>"__getitem__") == NULL)


cdef int mod_protocol(VM vm, Frame* f, int pc, Py_ssize_t top) except -1:
    fn = loops_function(vm, "str_mod")
    if fn is None:
        return 0
    return enter_dunder(vm, f, pc, top, fn, (<object>vm.stack[top - 2], <object>vm.stack[top - 1]),
                        PROTO_OPERATION)


cdef bint number_route(object t, bint to_int) except -1:
    """int(x) (to_int) or float(x) of an instance of the sandbox class t calls a sandbox
    function first (__int__, else __index__; __float__, else __index__)."""
    cdef PyObject* p
    if not is_sandbox_type(t):
        return False
    p = _PyType_Lookup(<PyObject*>t, <PyObject*>("__int__" if to_int else "__float__"))
    if p == NULL:
        p = _PyType_Lookup(<PyObject*>t, <PyObject*>"__index__")
    return p != NULL and plain_dunder_value(<object>p)


cdef int conversion_call(VM vm, Frame* f, int pc, Py_ssize_t top, PyObject** func_slot,
                         PyObject** args, PyObject** sp, Py_ssize_t n, PyObject* kw,
                         PyObject* v) except -1:
    """CALL of str / repr / format on a sandbox object, or print() with one among its
    arguments, whose text comes from a sandbox function: that function runs as a frame."""
    cdef Py_ssize_t i
    if TYPE(v) == <PyObject*>VMBuiltin and (<VMBuiltin>v).impl == b_print:
        if sp != vm.stack + top:
            return 0                # (a bound call's moved arguments: CPython's path)
        for i in range(n):
            if container_needs_loop(args[i]):
                # each argument's text made in the loop first (print_), then printed
                fn = loops_function(vm, "print_")
                if fn is None:
                    return 0
                return enter_routed(vm, f, pc, func_slot, args, sp,
                                    n + (TUPLE_SIZE(kw) if kw != NULL else 0), kw, fn)
        for i in range(n):
            if heap_typed(args[i]):
                found = conversion_of(<object>args[i], PROTO_STR)
                if found is not None:
                    return enter_dunder(vm, f, pc, top, (<tuple>found)[0], (<object>args[i],),
                                        PROTO_ARG_TEXT)
        return 0
    if kw == NULL and n == 1 and (v == <PyObject*>str or v == <PyObject*>_BUILTIN_REPR
                                  or v == <PyObject*>_BUILTIN_ASCII):
        # repr() / str() / ascii() of a container holding sandbox objects, ascii() of a sandbox
        # object whose __repr__ is a sandbox function: the text is made in the loop
        if container_needs_loop(args[0]) or (v == <PyObject*>_BUILTIN_ASCII and heap_typed(
                args[0]) and conversion_of(<object>args[0], PROTO_REPR) is not None):
            fn = loops_function(vm, "ascii_" if v == <PyObject*>_BUILTIN_ASCII else "repr_")
            if fn is not None:
                return enter_routed(vm, f, pc, func_slot, args, sp, n, kw, fn)
    if kw != NULL or not heap_typed(args[0]):
        return 0
    if n == 2 and TYPE(v) == <PyObject*>VMBuiltin and (<VMBuiltin>v).impl == b_getattr:
        return getattr_call(vm, f, pc, func_slot, args, sp)
    if (v == NEXT_BUILTIN and n <= 2 and is_sandbox_type(<object>TYPE(args[0]))
            and not monty_sub_builtin(args[0])
            and plain_dunder(<object>TYPE(args[0]), "__next__") != NULL):
        # next(it[, default]) of a sandbox iterator: its __next__ runs as a frame of next_
        fn = loops_function(vm, "next_")
        if fn is not None:
            return enter_routed(vm, f, pc, func_slot, args, sp, n, kw, fn)
        return 0
    if n == 1 and (v == <PyObject*>int or v == <PyObject*>float) and number_route(
            <object>TYPE(args[0]), v == <PyObject*>int) and not monty_sub_builtin(args[0]):
        # int(x) / float(x) through a sandbox __int__, __index__ or __float__
        fn = loops_function(vm, "int_" if v == <PyObject*>int else "float_")
        if fn is not None:
            return enter_routed(vm, f, pc, func_slot, args, sp, n, kw, fn)
        return 0
    if n == 1 and v == <PyObject*>_BUILTIN_LEN:
        return len_call(vm, f, pc, func_slot, args, sp)
    if n == 1 and v == <PyObject*>str:
        return call_conversion(vm, f, pc, func_slot, args, sp, n, PROTO_STR)
    if n == 1 and v == <PyObject*>_BUILTIN_REPR:
        return call_conversion(vm, f, pc, func_slot, args, sp, n, PROTO_REPR)
    if n <= 2 and TYPE(v) == <PyObject*>VMBuiltin and (<VMBuiltin>v).impl == b_format and (
            n == 1 or TYPE(args[1]) == <PyObject*>str):
        return call_conversion(vm, f, pc, func_slot, args, sp, n, PROTO_FORMAT)
    return 0


cdef int getattr_call(VM vm, Frame* f, int pc, PyObject** func_slot, PyObject** args,
                      PyObject** sp) except -1:
    """getattr(obj, name) of a sandbox object whose attribute is a property with a sandbox
    getter or a sandbox descriptor's __get__ (what attr_protocol runs for `obj.name`): that
    function runs in the call's slot as a plain call, its value the call's result."""
    cdef PyObject** stack = vm.stack
    cdef PyObject* descr
    cdef PyObject* get
    cdef Py_ssize_t n
    obj = <object>args[0]
    name = <object>args[1]
    t = type(obj)
    if type(name) is not str or not is_sandbox_type(t) or is_dunderish(name):
        return 0
    if _PyType_Lookup(<PyObject*>t, <PyObject*>"__getattribute__") != <PyObject*>_object_getattribute:
        return 0
    if plain_dunder(t, "__getattr__") != NULL:
        return 0
    descr = _PyType_Lookup(<PyObject*>t, <PyObject*>name)
    if descr == NULL:
        return 0
    if TYPE(descr) == <PyObject*>property:
        fn = (<object>descr).fget
        if not plain_dunder_value(fn):
            return 0
        n = 1
    elif is_sandbox_type(<object>TYPE(descr)):
        dtype = <object>TYPE(descr)
        get = plain_dunder(dtype, "__get__")
        if get == NULL:
            return 0
        if (_PyType_Lookup(<PyObject*>dtype, <PyObject*>"__set__") == NULL
                and _PyType_Lookup(<PyObject*>dtype, <PyObject*>"__delete__") == NULL):
            d = own_dict(obj)
            if d is not None and name in d:
                return 0            # the instance's own value shadows a non-data descriptor
        if sp != args + 2 or (sp - stack) + 2 >= vm.stack_cap:
            return 0
        fn = <object>get
        n = 3
    else:
        return 0
    f.pc = pc
    f.sp = func_slot - stack
    vm.ticks -= 1
    if vm.ticks <= 0:
        check_limits(vm, sp - stack)
    DECREF(func_slot[0])
    func_slot[0] = <PyObject*>fn
    INCREF(func_slot[0])
    if n == 1:
        DECREF(args[1])             # getter(obj)
        args[1] = NULL
    else:
        DECREF(args[1])             # __get__(descr, obj, type)
        args[1] = args[0]
        args[0] = descr
        INCREF(descr)
        args[2] = <PyObject*>t
        INCREF(args[2])
    bind_and_push(vm, <Function>fn, func_slot - stack, args - stack, n, NULL, 0)
    return 1


cdef int replace_text_argument(VM vm, Frame* f, object text) except -1:
    """ARG_TEXT: the first argument of the CALL f waits at whose text comes from a sandbox
    function is replaced by `text`; the CALL then runs again."""
    cdef Code code = <Code>f.code
    cdef int a = code.instrs[(f.pc - 1) * 3 + 1]
    cdef int b = code.instrs[(f.pc - 1) * 3 + 2]
    cdef PyObject** sp = vm.stack + f.sp
    cdef PyObject** args
    cdef Py_ssize_t i, n = a
    if b & CALL_KWNAMES:
        n -= len(<tuple?><object>sp[-1])
        args = sp - 1 - a
    else:
        args = sp - a
    if b & CALL_METHOD and args[-1] != NULL:
        args -= 1
        n += 1
    for i in range(n):
        if heap_typed(args[i]) and conversion_of(<object>args[i], PROTO_STR) is not None:
            DECREF(args[i])
            args[i] = <PyObject*>text
            INCREF(args[i])
            break
    f.pc -= 1
    return 0


cdef object checked_text(int proto, object r):
    """The value of a __str__ / __repr__ / __format__ frame, which must be a str."""
    if isinstance(r, str):
        return r
    if proto == PROTO_FORMAT:
        raise TypeError(f"__format__ must return a str, not {type_name(r)}")
    raise TypeError(f"__{'str' if proto == PROTO_STR else 'repr'}__ returned non-string "
                    f"(type {type_name(r)})")


# ------------------------------------------------------------------ iteration

cdef int next_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, PyObject* it) except -1:
    """FOR_ITER over an instance of a sandbox class whose __next__ is a sandbox function."""
    cdef PyObject* fn
    if not is_sandbox_type(<object>TYPE(it)):
        return 0
    fn = plain_dunder(<object>TYPE(it), "__next__")
    if fn == NULL:
        return 0
    return enter_dunder(vm, f, pc, top, <object>fn, (<object>it,), PROTO_NEXT)


cdef int stop_iteration_ends(VM vm, Frame* f, PyObject** sp) except -1:
    """StopIteration left the __next__ frame of f's FOR_ITER: the iterator (on top, sp) goes
    and the loop ends."""
    sp -= 1
    DECREF(sp[0])
    sp[0] = NULL
    f.sp = sp - vm.stack
    f.pc = jump_target(f)
    return 0


# ------------------------------------------------------------------ operators

cdef int binary_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, int a) except -1:
    """BINARY_OP on an instance of a sandbox class (no subclass of a builtin: those keep
    their checked path), from its first step."""
    cdef PyObject** sp = vm.stack + top
    if monty_sub_builtin(sp[-1]) or monty_sub_builtin(sp[-2]):
        return 0
    if not (is_sandbox_type(<object>TYPE(sp[-1])) or is_sandbox_type(<object>TYPE(sp[-2]))):
        return 0
    f.pc = pc
    f.sp = top
    return binary_step(vm, f, 0)


cdef int binary_step(VM vm, Frame* f, int step) except -1:
    """CPython's calls for `v (op) w` (frame f waits at BINARY_OP, v and w on top) from the
    call numbered `step`: a sandbox function runs as a frame; a builtin's implementation is
    called here (pre-checked like the loop's own operation)."""
    cdef PyObject** sp = vm.stack + f.sp
    cdef int a = (<Code>f.code).instrs[(f.pc - 1) * 3 + 1]
    cdef int i
    cdef PyObject* p
    cdef bint started = step > 0
    v = <object>sp[-2]
    w = <object>sp[-1]
    order = binop_order(a, v, w)
    for i in range(step, len(order)):
        x, name, y = order[i]
        tx = type(x)
        p = _PyType_Lookup(<PyObject*>tx, <PyObject*>name)
        if p == NULL:
            continue
        if plain_dunder_value(<object>p):
            return enter_dunder(vm, f, f.pc, f.sp, <object>p, (x, y), PROTO_BINARY_0 + i)
        if type(x) in _NUMBER_TYPES:
            continue            # a number's operator gives NotImplemented for a sandbox object
        if not started:
            return 0            # CPython's path does it all (nothing ran yet)
        precheck_binary(vm, a, v, w)
        r = call_dunder(<object>p, x, y)
        if r is not NotImplemented:
            guard_value(vm, <PyObject*>r)
            return finish_op(vm, f, r) + 1
    base = a - BINOP_INPLACE if a >= BINOP_INPLACE else a
    sym = _BINOP_SYMBOLS[base]
    if a >= BINOP_INPLACE:
        sym = sym.split(" ")[0] + "="
    raise TypeError(f"unsupported operand type(s) for {sym}: '{type_name(v)}' and '{type_name(w)}'")


cdef list compare_order(int a, object v, object w):
    """The (operand, dunder, other) calls CPython's rich comparison tries for `v (a) w`."""
    tv = type(v)
    tw = type(w)
    if tw is not tv and monty_is_subtype(<PyObject*>tw, <PyObject*>tv):
        return [(w, _REFLECTED_CMP[a], v), (v, _CMP_NAMES[a], w)]
    return [(v, _CMP_NAMES[a], w), (w, _REFLECTED_CMP[a], v)]


cdef inline PyObject* _object_slot(str name):
    """object's own comparison method `name` (borrowed)."""
    return _PyType_Lookup(<PyObject*>object, <PyObject*>name)


cdef PyObject* compare_callee(object x, str name, bint* inverted):
    """What a step of a comparison calls (borrowed): `name` on x's class, or for object's
    __ne__ the class's own __eq__ (its value inverted)."""
    tx = type(x)
    cdef PyObject* p = _PyType_Lookup(<PyObject*>tx, <PyObject*>name)
    cdef PyObject* q
    inverted[0] = False
    if p == <PyObject*>_object_ne:
        q = plain_dunder(tx, "__eq__")
        if q != NULL:
            inverted[0] = True
            return q
    return p


cdef int compare_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, int a) except -1:
    """COMPARE_OP (<, <=, ==, !=, >, >=) on an instance of a sandbox class."""
    cdef PyObject** sp = vm.stack + top
    if monty_sub_builtin(sp[-1]) or monty_sub_builtin(sp[-2]):
        return 0
    if not (is_sandbox_type(<object>TYPE(sp[-1])) or is_sandbox_type(<object>TYPE(sp[-2]))):
        return 0
    f.pc = pc
    f.sp = top
    return compare_step(vm, f, 0)


cdef int compare_step(VM vm, Frame* f, int step) except -1:
    """The calls of `v (a) w` (frame f waits at COMPARE_OP, v and w on top) from `step`;
    when all give NotImplemented, == and != compare identity and the others raise."""
    cdef PyObject** sp = vm.stack + f.sp
    cdef int a = (<Code>f.code).instrs[(f.pc - 1) * 3 + 1]
    cdef int i
    cdef PyObject* p
    cdef bint inverted
    cdef bint started = step > 0
    if a > CMP_GE:
        raise SystemError("bad comparison step")
    v = <object>sp[-2]
    w = <object>sp[-1]
    order = compare_order(a, v, w)
    for i in range(step, len(order)):
        x, name, y = order[i]
        p = compare_callee(x, name, &inverted)
        if p == NULL:
            continue
        if plain_dunder_value(<object>p):
            return enter_dunder(vm, f, f.pc, f.sp, <object>p, (x, y), PROTO_COMPARE_0 + i)
        if not started and is_sandbox_type(type(x)) and p != _object_slot(name):
            return 0            # a sandbox class's other callable: CPython's path does it all
        started = True
        check_compare(vm, <PyObject*>v, <PyObject*>w, a)
        r = call_dunder(<object>p, x, y)
        if r is not NotImplemented:
            guard_value(vm, <PyObject*>r)
            return finish_op(vm, f, r) + 1
    if a == CMP_EQ or a == CMP_NE:
        return finish_op(vm, f, (v is w) == (a == CMP_EQ)) + 1
    raise TypeError(f"'{_CMP_SYMBOLS[a]}' not supported between instances of "
                    f"'{type_name(v)}' and '{type_name(w)}'")


cdef bint compare_step_inverted(VM vm, Frame* f, int step):
    """Whether step `step` of the comparison f waits at called __eq__ for object's __ne__."""
    cdef PyObject** sp = vm.stack + f.sp
    cdef int a = (<Code>f.code).instrs[(f.pc - 1) * 3 + 1]
    cdef bint inverted = False
    if a > CMP_GE:
        return False
    order = compare_order(a, <object>sp[-2], <object>sp[-1])
    if step >= len(order):
        return False
    x, name, y = order[step]
    compare_callee(x, name, &inverted)
    return inverted


# ------------------------------------------------------------------ truth, len, in, [], unary, iter

cdef int truth_frame(VM vm, Frame* f, object value) except -1:
    """The truth of `value` (a sandbox object) for the instruction f waits at, by its
    __bool__ or __len__ run as a frame; 0 when neither is a sandbox function."""
    cdef PyObject* p
    t = type(value)
    if not is_sandbox_type(t):
        return 0
    if _PyType_Lookup(<PyObject*>t, <PyObject*>"__bool__") != NULL:
        p = plain_dunder(t, "__bool__")
        proto = PROTO_BOOL
    else:
        p = plain_dunder(t, "__len__")
        proto = PROTO_LEN
    if p == NULL:
        return 0
    return enter_dunder(vm, f, f.pc, f.sp, <object>p, (value,), proto)


cdef int truth_protocol(VM vm, Frame* f, int pc, Py_ssize_t top) except -1:
    """A truth test (POP_JUMP_IF_*, JUMP_IF_*_OR_POP, `not`) of the sandbox object on top:
    its __bool__, else its __len__."""
    cdef PyObject* p
    t = <object>TYPE(vm.stack[top - 1])
    if not is_sandbox_type(t):
        return 0
    if _PyType_Lookup(<PyObject*>t, <PyObject*>"__bool__") != NULL:
        p = plain_dunder(t, "__bool__")
        proto = PROTO_BOOL
    else:
        p = plain_dunder(t, "__len__")
        proto = PROTO_LEN
    if p == NULL:
        return 0
    return enter_dunder(vm, f, pc, top, <object>p, (<object>vm.stack[top - 1],), proto)


cdef int len_call(VM vm, Frame* f, int pc, PyObject** func_slot, PyObject** args,
                  PyObject** sp) except -1:
    """len(x) of a sandbox object whose __len__ is a sandbox function: it runs in the call's
    slot (its value checked on return)."""
    cdef PyObject* p
    t = <object>TYPE(args[0])
    if not is_sandbox_type(t):
        return 0
    p = plain_dunder(t, "__len__")
    if p == NULL:
        return 0
    f.pc = pc
    f.sp = func_slot - vm.stack
    vm.ticks -= 1
    if vm.ticks <= 0:
        check_limits(vm, sp - vm.stack)
    DECREF(func_slot[0])
    func_slot[0] = p
    INCREF(p)
    bind_and_push(vm, <Function><object>p, func_slot - vm.stack, args - vm.stack, 1, NULL, 0)
    vm.frames[vm.depth - 1].proto = PROTO_LEN
    return 1


cdef object checked_len(object r):
    """The value of a __len__ frame as CPython's length slot checks it."""
    if not isinstance(r, int):
        raise TypeError(f"'{type_name(r)}' object cannot be interpreted as an integer")
    n = _operator.index(r)
    if n < 0:
        raise ValueError("__len__() should return >= 0")
    if n > PY_SSIZE_T_MAX:
        raise OverflowError("cannot fit 'int' into an index-sized integer")
    return n


cdef int contains_protocol(VM vm, Frame* f, int pc, Py_ssize_t top) except -1:
    """`v in w` / `v not in w` where w is a sandbox object with a sandbox __contains__."""
    cdef PyObject** sp = vm.stack + top
    cdef PyObject* p
    t = <object>TYPE(sp[-1])
    if not is_sandbox_type(t):
        return 0
    p = plain_dunder(t, "__contains__")
    if p == NULL:
        return 0
    return enter_dunder(vm, f, pc, top, <object>p, (<object>sp[-1], <object>sp[-2]), PROTO_CONTAINS)


cdef int subscript_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, int op) except -1:
    """c[k], c[k] = v, del c[k] on a sandbox object with a sandbox __getitem__ /
    __setitem__ / __delitem__."""
    cdef PyObject** sp = vm.stack + top
    cdef PyObject* p
    c = <object>sp[-2]
    t = type(c)
    if op == OP_BINARY_SUBSCR and DictCheck(<PyObject*>c):
        return missing_protocol(vm, f, pc, top, c, t)
    if not is_sandbox_type(t):
        return 0
    if op == OP_BINARY_SUBSCR:
        p = plain_dunder(t, "__getitem__")
        if p != NULL:
            return enter_dunder(vm, f, pc, top, <object>p, (c, <object>sp[-1]), PROTO_VALUE)
    elif op == OP_STORE_SUBSCR:
        p = plain_dunder(t, "__setitem__")
        if p != NULL:
            return enter_dunder(vm, f, pc, top, <object>p, (c, <object>sp[-1], <object>sp[-3]),
                                PROTO_DISCARD)
    else:
        p = plain_dunder(t, "__delitem__")
        if p != NULL:
            return enter_dunder(vm, f, pc, top, <object>p, (c, <object>sp[-1]), PROTO_DISCARD)
    return 0


import collections as _collections
cdef object _dict_getitem = dict.__dict__["__getitem__"]
cdef object _c_defaultdict = _collections.defaultdict
cdef object _defaultdict_missing = _collections.defaultdict.__dict__["__missing__"]


cdef int missing_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, object c, object t) except -1:
    """d[k] on a dict subclass (dict's own __getitem__) without k: a sandbox __missing__, or a
    defaultdict's __missing__ whose factory is sandbox code, runs as a frame (the factory's
    call and the store by defaultdict_missing of monty/modules/_sandbox/_loops.py)."""
    cdef PyObject* p
    if _PyType_Lookup(<PyObject*>t, <PyObject*>"__getitem__") != <PyObject*>_dict_getitem:
        return 0 if not is_sandbox_type(t) else subscript_getitem(vm, f, pc, top, c, t)
    p = _PyType_Lookup(<PyObject*>t, <PyObject*>"__missing__")
    if p == NULL:
        return 0
    key = <object>vm.stack[top - 1]
    if p == <PyObject*>_defaultdict_missing:
        if not vm_code((<object>c).default_factory) or R_DictContains(<PyObject*>c, <PyObject*>key):
            return 0
        fn = loops_function(vm, "defaultdict_missing")
        if fn is None:
            return 0
        return enter_dunder(vm, f, pc, top, fn, (c, key), PROTO_VALUE)
    if not is_sandbox_type(t) or not plain_dunder_value(<object>p) or R_DictContains(<PyObject*>c, <PyObject*>key):
        return 0
    return enter_dunder(vm, f, pc, top, <object>p, (c, key), PROTO_VALUE)


cdef int subscript_getitem(VM vm, Frame* f, int pc, Py_ssize_t top, object c, object t) except -1:
    cdef PyObject* p = plain_dunder(t, "__getitem__")
    if p != NULL:
        return enter_dunder(vm, f, pc, top, <object>p, (c, <object>vm.stack[top - 1]), PROTO_VALUE)
    return 0


cdef tuple _UNARY_DUNDERS = ("__neg__", "__pos__", "__invert__")


cdef int unary_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, int a) except -1:
    """-x, +x, ~x, not x on a sandbox object whose dunder is a sandbox function."""
    cdef PyObject* p
    if a == UNARY_NOT:
        return truth_protocol(vm, f, pc, top)
    t = <object>TYPE(vm.stack[top - 1])
    if not is_sandbox_type(t):
        return 0
    p = plain_dunder(t, _UNARY_DUNDERS[a])
    if p == NULL:
        return 0
    return enter_dunder(vm, f, pc, top, <object>p, (<object>vm.stack[top - 1],), PROTO_VALUE)


cdef int iter_protocol(VM vm, Frame* f, int pc, Py_ssize_t top) except -1:
    """GET_ITER of a sandbox object whose __iter__ is a plain sandbox function."""
    cdef PyObject* p
    if TYPE(vm.stack[top - 1]) == <PyObject*>Generator:
        # a generator: its items are pulled one at a time by gen_next (a frame of the loop)
        if loops_function(vm, "gen_next") is None:
            return 0
        f.pc = pc
        f.sp = top
        state = [<object>vm.stack[top - 1]]
        replace_input(vm.stack + top - 1, state)
        unpack_step(vm, f, state)
        return 1
    t = <object>TYPE(vm.stack[top - 1])
    if not is_sandbox_type(t):
        return 0
    p = plain_dunder(t, "__iter__")
    if p == NULL:
        return 0
    return enter_dunder(vm, f, pc, top, <object>p, (<object>vm.stack[top - 1],), PROTO_ITER)


cdef object checked_iterator(object r):
    """The value of an __iter__ frame as a sandbox iterator (iter()'s check)."""
    if isinstance(r, SandboxIter):
        return r
    t = type(r)
    if _PyType_Lookup(<PyObject*>t, <PyObject*>"__next__") == NULL:
        raise TypeError(f"iter() returned non-iterator of type '{type_name(r)}'")
    if is_sandbox_type(t):
        return r
    return get_iter(r)


cdef int store_cached(VM vm, Frame* f, object value) except -1:
    """CACHED: the value goes into the instance's __dict__ under the cached_property's name
    (the LOAD_ATTR f waits at has the instance on top)."""
    cdef PyObject* descr
    obj = <object>vm.stack[f.sp - 1]
    name = (<Code>f.code).names[(<Code>f.code).instrs[(f.pc - 1) * 3 + 1]]
    t = type(obj)
    descr = _PyType_Lookup(<PyObject*>t, <PyObject*>name)
    if descr != NULL and TYPE(descr) == <PyObject*>_cached_property:
        attrname = (<object>descr).attrname
        if type(attrname) is str:
            _object_getattribute(obj, "__dict__")[attrname] = value
    return 0


# ------------------------------------------------------------------ class statements

cdef int class_body_protocol(VM vm, Frame* f, int pc, Py_ssize_t top, int nbases,
                             int has_kwargs) except -1:
    """BUILD_CLASS: the body runs as a frame of the loop on a fresh namespace (the bases and
    keywords checked first); the class is made when it returns."""
    cdef PyObject** items = vm.stack + top - (nbases + 2 + has_kwargs)
    body = <object>items[0]
    if not plain_dunder_value(body):
        return 0
    class_parts(items, nbases, has_kwargs)
    ns = {"__module__": "__main__", "__qualname__": (<Function>body).qualname}
    return enter_dunder(vm, f, pc, top, body, (ns,), PROTO_CLASS_BODY)


cdef object finished_class(VM vm, Frame* f, object cell, object ns):
    """CLASS_BODY returned `cell` having filled `ns`: the class of the BUILD_CLASS f waits at."""
    cdef Code code = <Code>f.code
    cdef int a = code.instrs[(f.pc - 1) * 3 + 1]
    cdef int b = code.instrs[(f.pc - 1) * 3 + 2]
    if type(ns) is not dict:
        raise SystemError("bad class namespace")
    name, bases, kwargs = class_parts(vm.stack + f.sp - (a + 2 + (b & 1)), a, b & 1)
    plan = class_hooks_plan(vm, bases, <dict>ns, kwargs)
    if plan is None:
        return make_class(name, bases, <dict>ns, kwargs, cell)
    fn, set_names, shadowed = plan
    for key, _ in set_names:
        (<dict>ns)[key] = None          # (placeholders: the class keeps the namespace's order)
    try:
        # (object's own __init_subclass__ stands in: no keywords reach it, they go to
        # class_hooks; nothing of the host is ever in a sandbox class)
        for klass, _ in shadowed:
            type.__setattr__(klass, "__init_subclass__", _OBJECT_INIT_SUBCLASS)
        cls = create_class(name, bases, <dict>ns, {}, False)
    finally:
        for klass, hook in shadowed:
            type.__setattr__(klass, "__init_subclass__", hook)
    for key, value in set_names:
        type.__setattr__(cls, key, value)
    run_subclass_hook(cls)
    if type(cell) is Cell:
        (<Cell>cell).contents = cls
    return (fn, (cls, set_names, kwargs if shadowed else None))


cdef object _OBJECT_INIT_SUBCLASS = object.__dict__["__init_subclass__"]


cdef object class_hooks_plan(VM vm, tuple bases, dict ns, dict kwargs):
    """A class statement whose new class would call sandbox functions from type()'s C code
    (`__set_name__` of values in its namespace, a base's `__init_subclass__`): (class_hooks,
    [(name, value) whose __set_name__ to call], [(class, hook) to shadow while type() runs]),
    or None for CPython's own path. class_hooks of monty/modules/_sandbox/_loops.py then
    calls them as frames of the loop, in CPython's order."""
    cdef PyObject* p
    set_names = []
    for key, value in ns.items():
        if heap_typed(<PyObject*>value) and is_sandbox_type(type(value)):
            p = _PyType_Lookup(TYPE(<PyObject*>value), <PyObject*>"__set_name__")
            if p != NULL and TYPE(p) == <PyObject*>Function:
                set_names.append((key, value))
    shadowed = []
    seen = set()
    for base in bases:
        if not isinstance(base, type) or not is_sandbox_type(base):
            return None                 # (NamedTuple, TypedDict, module types: CPython's path)
        for klass in (<type>base).__mro__:
            if klass in seen:
                continue
            seen.add(klass)
            hook = (<type>klass).__dict__.get("__init_subclass__")
            if hook is None:
                continue
            if klass is object:
                continue
            if (not is_sandbox_type(klass) or type(hook) is not classmethod
                    or type(hook.__func__) is not Function):
                return None
            shadowed.append((klass, hook))
    if not set_names and not shadowed:
        return None
    if kwargs and not shadowed:
        return None                     # (object.__init_subclass__ refuses them natively)
    fn = loops_function(vm, "class_hooks")
    if fn is None:
        return None
    return fn, set_names, shadowed


# ------------------------------------------------------------------ unpacking

cdef int unpack_protocol(VM vm, Frame* f, int pc, Py_ssize_t top) except -1:
    """UNPACK_SEQUENCE / UNPACK_EX of a sandbox object whose __iter__ is a sandbox function:
    __iter__, then the iterator's __next__ (when a sandbox function) run as frames, the
    items kept in the input slot; the instruction then runs on the list of items."""
    cdef PyObject* p
    if TYPE(vm.stack[top - 1]) == <PyObject*>Generator:
        # a generator: its items are pulled one at a time by gen_next (a frame of the loop)
        if loops_function(vm, "gen_next") is None:
            return 0
        f.pc = pc
        f.sp = top
        state = [<object>vm.stack[top - 1]]
        replace_input(vm.stack + top - 1, state)
        unpack_step(vm, f, state)
        return 1
    t = <object>TYPE(vm.stack[top - 1])
    if not is_sandbox_type(t):
        return 0
    p = plain_dunder(t, "__iter__")
    if p == NULL:
        p = _PyType_Lookup(<PyObject*>t, <PyObject*>"__iter__")
        if (p != NULL and TYPE(p) == <PyObject*>Function
                and ((<Function>p).code.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
                == CO_GENERATOR and loops_function(vm, "gen_next") is not None):
            # a generator function: calling it only makes the generator (no code of it runs)
            it = iter(<object>vm.stack[top - 1])
            if type(it) is Generator:
                f.pc = pc
                f.sp = top
                state = [it]
                replace_input(vm.stack + top - 1, state)
                unpack_step(vm, f, state)
                return 1
        return 0
    return enter_dunder(vm, f, pc, top, <object>p, (<object>vm.stack[top - 1],),
                        PROTO_UNPACK_ITER)


cdef inline void replace_input(PyObject** slot, object value) noexcept:
    cdef PyObject* old = slot[0]
    INCREF(<PyObject*>value)
    slot[0] = <PyObject*>value
    DECREF(old)


cdef int unpack_step(VM vm, Frame* f, object state) except -1:
    """The next __next__ of the unpacked iterator (state: [iterator, items...] in the input
    slot), or the instruction run again on the items once there are enough."""
    cdef PyObject** sp = vm.stack + f.sp
    cdef Code code = <Code>f.code
    cdef int op = code.instrs[(f.pc - 1) * 3]
    cdef int a = code.instrs[(f.pc - 1) * 3 + 1]
    cdef PyObject* p
    if op == OP_UNPACK_SEQUENCE and len(state) - 1 > a:
        raise ValueError(f"too many values to unpack (expected {a})")
    it = state[0]
    if type(it) is Generator:
        fn = loops_function(vm, "gen_next")
        if fn is None:
            raise SystemError("bad unpacking state")
        return enter_dunder(vm, f, f.pc, f.sp, fn, (it,), PROTO_UNPACK_NEXT)
    p = plain_dunder(type(it), "__next__")
    if p == NULL:
        raise TypeError(f"'{type_name(it)}' object is not an iterator")
    return enter_dunder(vm, f, f.pc, f.sp, <object>p, (it,), PROTO_UNPACK_NEXT)


cdef int unpack_items(VM vm, Frame* f, PyObject** sp) except -1:
    """StopIteration left the unpacked iterator's __next__: the instruction runs again on the
    items (sp: f's stack top, the [iterator, items...] state below it). 0 when the state is
    not one (the exception then goes on as any other)."""
    state = <object>sp[-1]
    if type(state) is not list or len(<list>state) < 1:
        return 0
    replace_input(sp - 1, (<list>state)[1:])
    f.sp = sp - vm.stack
    f.pc -= 1
    return 1


# ------------------------------------------------------------------ the way back

cdef int returned_to(VM vm, Frame* f, int proto, PyObject* r, PyObject* ns_p) except -1:
    """A frame running protocol `proto` for f (now the innermost frame, its sp at the
    frame's call slot) returned r (a reference this call consumes). Errors are left in
    vm.pending_exc for f's instruction to raise: OUT_RESUME or OUT_RESUME_RAISE. `ns`: a
    class body's namespace (a reference this call consumes, or NULL)."""
    value = <object>r
    DECREF(r)
    ns = None
    if ns_p != NULL:
        ns = <object>ns_p
        DECREF(ns_p)
    try:
        if proto == PROTO_CLASS_BODY:
            value = finished_class(vm, f, value, ns)
            if type(value) is tuple:
                # __set_name__ / __init_subclass__ to run: class_hooks does, then gives the class
                enter_dunder(vm, f, f.pc, f.sp, (<tuple>value)[0], (<tuple>value)[1],
                             PROTO_CLASS_HOOKS)
                return OUT_RESUME
        finish_protocol(vm, f, proto, value)
    except BaseException as e:
        vm.pending_exc = e
        return OUT_RESUME_RAISE
    return OUT_RESUME


cdef int finish_protocol(VM vm, Frame* f, int proto, object value) except -1:
    cdef int op = (<Code>f.code).instrs[(f.pc - 1) * 3]
    cdef int step
    if proto == PROTO_BOOL or proto == PROTO_LEN:
        if proto == PROTO_BOOL:
            if type(value) is not bool:
                raise TypeError(f"__bool__ should return bool, returned {type_name(value)}")
        else:
            value = checked_len(value)
            if op == OP_CALL or op == OP_CALL_EX:
                vm.stack[f.sp] = <PyObject*>value       # len(x): the call's result
                INCREF(<PyObject*>value)
                f.sp += 1
                return 0
            value = value != 0
        if op == OP_UNARY_OP:
            value = not value
        return finish_op(vm, f, value)
    if proto == PROTO_CONTAINS:
        INCREF(<PyObject*>value)
        value = truth_and_release(<PyObject*>value) != 0
        if (<Code>f.code).instrs[(f.pc - 1) * 3 + 1] == CMP_NOT_IN:
            value = not value
        return finish_op(vm, f, value)
    if proto == PROTO_ITER:
        return finish_op(vm, f, checked_iterator(value))
    if proto == PROTO_CACHED:
        store_cached(vm, f, value)
    elif proto == PROTO_UNPACK_ITER:
        it = checked_iterator(value)
        if (is_sandbox_type(type(it)) and plain_dunder(type(it), "__next__") != NULL) or (
                type(it) is Generator and loops_function(vm, "gen_next") is not None):
            state = [it]
            replace_input(vm.stack + f.sp - 1, state)
            return unpack_step(vm, f, state)
        replace_input(vm.stack + f.sp - 1, it)     # runs again on a native iterator
        f.pc -= 1
        return 0
    elif proto == PROTO_UNPACK_NEXT:
        state = <object>vm.stack[f.sp - 1]
        if type(state) is not list or len(<list>state) < 1:
            raise SystemError("bad unpacking state")
        account(vm, 16)
        (<list>state).append(value)
        return unpack_step(vm, f, state)
    if proto == PROTO_ARG_TEXT:
        return replace_text_argument(vm, f, checked_text(PROTO_STR, value))
    if proto == PROTO_STR or proto == PROTO_REPR or proto == PROTO_FORMAT:
        value = checked_text(proto, value)
        if op == OP_CALL or op == OP_CALL_EX:
            vm.stack[f.sp] = <PyObject*>value       # str(x): the call's result
            INCREF(<PyObject*>value)
            f.sp += 1
            return 0
    elif PROTO_BINARY_0 <= proto <= PROTO_BINARY_2:
        if value is NotImplemented:
            return binary_step(vm, f, proto - PROTO_BINARY_0 + 1)
    elif PROTO_COMPARE_0 <= proto <= PROTO_COMPARE_2:
        step = proto - PROTO_COMPARE_0
        if value is NotImplemented:
            return compare_step(vm, f, step + 1)
        if compare_step_inverted(vm, f, step):
            INCREF(<PyObject*>value)
            value = not truth_and_release(<PyObject*>value)
    return finish_op(vm, f, value)
