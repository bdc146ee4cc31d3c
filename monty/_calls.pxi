# Call dispatch: what CALL and CALL_EX do with each kind of callable. The eval loop hands over
# the frame and its stack top and acts on the outcome; it never looks at the callable.
#
# Offers:
#   enum Outcome                      what the loop does after a call or a frame change
#   call_value(vm, f, pc, top, a, b)  CALL a, b
#   call_ex_value(vm, f, pc, top, a)  CALL_EX a
#   raise_taken(vm)                   raise the exception an outcome left in vm.pending_exc

cdef enum Outcome:
    OUT_PUSHED = 0          # the result is on the stack: f.sp is the new top
    OUT_ENTER = 1           # a sandbox function's new frame runs next, from its start
    OUT_RESUME = 2          # another frame (a generator's, or the caller) runs next, at its pc
    OUT_PAUSED = 3          # a host call paused the run: the frame is saved
    OUT_AGAIN = 4           # run this instruction again (a generator to drain was finished)
    OUT_RAISE = 5           # raise vm.pending_exc here, as the operation's own error
    OUT_RESUME_RAISE = 6    # OUT_RESUME, then OUT_RAISE in the frame that runs next
    OUT_LEAVE = 7           # the entry frame is gone: the loop returns its value


cdef int raise_taken(VM vm) except -1:
    exc = vm.pending_exc
    vm.pending_exc = None
    raise_raw(exc)


cdef inline void release_to(PyObject** sp, PyObject** bottom) noexcept:
    """Release the stack slots from sp down to bottom (bottom included)."""
    while sp > bottom:
        sp -= 1
        XDECREF(sp[0])
        sp[0] = NULL


cdef inline PyObject** insert_first_arg(PyObject** func_slot, PyObject** args, PyObject*** sp,
                                        PyObject* first) noexcept:
    """Put `first` (a reference this call consumes) in front of the arguments: into the slot
    below them when it is free (CALL_METHOD with NULL), else by moving them up one. Returns
    the new start of the arguments."""
    cdef Py_ssize_t i
    if func_slot + 1 == args:
        i = sp[0] - args
        while i > 0:
            args[i] = args[i - 1]
            i -= 1
        sp[0] += 1
    else:
        args -= 1
    args[0] = first
    return args


cdef inline int enter_function(VM vm, Frame* f, int pc, PyObject** func_slot, PyObject** args,
                               PyObject** sp, Py_ssize_t nargs, PyObject* kw, PyObject* made) except -1:
    """Push the frame of the sandbox function in func_slot (an __init__ when `made`, the new
    object, is not NULL): OUT_ENTER, or OUT_PUSHED when a generator function only made its
    generator."""
    cdef PyObject** stack = vm.stack
    cdef Function fn = <Function>func_slot[0]
    f.pc = pc
    f.sp = sp - stack
    vm.ticks -= 1
    if vm.ticks <= 0:
        check_limits(vm, sp - stack)
    if made != NULL:
        push_init(vm, fn, func_slot - stack, args - stack, nargs, kw, made)
    else:
        bind_and_push(vm, fn, func_slot - stack, args - stack, nargs, kw, 0)
    if (<Code>vm.frames[vm.depth - 1].code).flags & CO_GENERATOR:
        f.sp = make_generator(vm) + 1
        return OUT_PUSHED
    return OUT_ENTER


cdef int call_value(VM vm, Frame* f, int pc, Py_ssize_t top, int a, int b) except -1:
    """CALL a (b: CALL_METHOD, CALL_KWNAMES) on the stack of frame f, whose top is `top`."""
    cdef PyObject** stack = vm.stack
    cdef PyObject** sp = stack + top
    cdef PyObject* kw = sp[-1] if b & CALL_KWNAMES else NULL
    cdef PyObject** args = sp - a - (1 if kw != NULL else 0)
    cdef PyObject** func_slot
    cdef Py_ssize_t nargs = a, n
    cdef PyObject* v
    cdef PyObject* made = NULL
    if b & CALL_METHOD:
        func_slot = args - 2
        if args[-1] != NULL:
            args -= 1
            nargs += 1
    else:
        func_slot = args - 1
    v = func_slot[0]
    if TYPE(v) == <PyObject*>type and PyType_GetFlags(v) & Py_TPFLAGS_HEAPTYPE:
        # a sandbox class whose __init__ is a sandbox function: make the object here and run
        # __init__ in this loop (it can pause)
        init = init_function(<object>v)
        if init is not None:
            inst = object.__new__(<object>v)
            DECREF(v)
            v = <PyObject*>init
            INCREF(v)
            func_slot[0] = v
            made = <PyObject*>inst
            INCREF(made)
            INCREF(made)
            args = insert_first_arg(func_slot, args, &sp, made)    # the new object is `self`
            nargs += 1
        elif new_function(<object>v):
            # a sandbox __new__: type.__call__'s steps (__new__, then __init__ when it made an
            # instance of the class) run as a sandbox function of the loop (each can pause)
            fn = loops_function(vm, "class_call")
            if fn is not None:
                INCREF(v)
                args = insert_first_arg(func_slot, args, &sp, v)   # the class comes first
                nargs += 1
                if sp == stack + top:
                    return enter_routed(vm, f, pc, func_slot, args, sp, nargs, kw, fn)
                try:
                    return enter_routed(vm, f, pc, func_slot, args, sp, nargs, kw, fn)
                except BaseException:
                    release_to(sp, stack + top)     # the slot the class took
                    raise
    if TYPE(v) == <PyObject*>BoundMethod and type((<BoundMethod>v).func) is Function:
        # put self in front of the arguments and call the function
        w = (<BoundMethod>v).self_obj
        INCREF(<PyObject*>w)
        args = insert_first_arg(func_slot, args, &sp, <PyObject*>w)
        func_slot[0] = <PyObject*>(<BoundMethod>v).func
        INCREF(func_slot[0])
        DECREF(v)
        v = func_slot[0]
        nargs += 1
    if TYPE(v) != <PyObject*>Function and heap_typed(v):
        w = instance_call(v)
        if w is not None:
            # a sandbox object's __call__: the object becomes `self`
            args = insert_first_arg(func_slot, args, &sp, v)
            func_slot[0] = <PyObject*>w
            INCREF(func_slot[0])
            v = func_slot[0]
            nargs += 1
    if TYPE(v) == <PyObject*>Function:
        if sp == stack + top:
            return enter_function(vm, f, pc, func_slot, args, sp, nargs, kw, made)
        try:
            return enter_function(vm, f, pc, func_slot, args, sp, nargs, kw, made)
        except BaseException:
            release_to(sp, stack + top)     # the slot self took: above the loop's top
            raise
    n = nargs - (TUPLE_SIZE(kw) if kw != NULL else 0)
    if n >= 1 and conversion_call(vm, f, pc, top, func_slot, args, sp, n, kw, v):
        return OUT_ENTER        # str(x), repr(x), format(x), print(x): x's __str__... runs
    if TYPE(v) == <PyObject*>_PARTIAL and partial_runs_in_loop(v):
        return call_partial(vm, f, pc, func_slot, sp, args, n, kw)
    if (v == NEXT_BUILTIN and kw == NULL and (n == 1 or n == 2)
            and TYPE(args[0]) == <PyObject*>Generator
            and (<Generator>args[0]).state != GEN_RUNNING):
        return call_next_on_generator(vm, f, pc, func_slot, sp, args, n)
    elif TYPE(v) == <PyObject*>VMBuiltin:
        if (<VMBuiltin>v).impl == b_list_sort:
            fn = route_of(vm, ROUTE_LIST_SORT, args, n, kw)
            if fn is not None:
                return enter_routed(vm, f, pc, func_slot, args, sp, nargs, kw, fn)
        elif (<VMBuiltin>v).impl == b_exec or (<VMBuiltin>v).impl == b_eval:
            return enter_exec(vm, f, pc, func_slot, args, sp, n, kw, (<VMBuiltin>v).impl == b_eval)
        obj = (<VMBuiltin>v).impl(vm, args, n, kw)
        guard_value(vm, <PyObject*>obj)
    elif TYPE(v) == <PyObject*>HostFunction:
        if vm.pause_mode and pause_host(vm, <HostFunction>v, args, n, kw):
            release_to(sp, func_slot)
            f.pc = pc
            f.sp = func_slot - stack
            return OUT_PAUSED
        obj = call_host(vm, <HostFunction>v, args, n, kw)
        guard_value(vm, <PyObject*>obj)
    elif TYPE(v) == <PyObject*>GenMethod and kw == NULL and n == 1 and (
            (<GenMethod>v).name == "send" or (<GenMethod>v).name == "throw"):
        return call_gen_method(vm, f, pc, func_slot, sp, <GenMethod>v, args[0])
    elif n >= 1 and TYPE(args[0]) == <PyObject*>Generator and is_drain_consumer(<object>v):
        return call_draining(vm, f, pc, sp, args)
    else:
        # sum(gen), sorted(xs, key=f), json.dumps(x, default=f)...: the loop runs in the VM
        fn = routed_function(vm, v, args, n, kw)
        if fn is not None:
            return enter_routed(vm, f, pc, func_slot, args, sp, nargs, kw, fn)
        if n <= 3 and argument_builtin(v) and sandbox_argument(args, n):
            # list(obj) of a sandbox iterable, hex(obj) / range(obj) of a sandbox __index__:
            # the builtin runs from a sandbox function of the loop, given the builtin first
            fn = argument_route(vm, v, args, n, kw)
            if fn is not None:
                INCREF(v)
                args = insert_first_arg(func_slot, args, &sp, v)
                nargs += 1
                if sp == stack + top:
                    return enter_routed(vm, f, pc, func_slot, args, sp, nargs, kw, fn)
                try:
                    return enter_routed(vm, f, pc, func_slot, args, sp, nargs, kw, fn)
                except BaseException:
                    release_to(sp, stack + top)     # the slot the builtin took
                    raise
        obj = call_native(vm, f, v, sp - stack, args, n, kw)
    return push_call_result(vm, f, func_slot, sp, obj)


from monty.policy import BoundWrapper as _BoundWrapper
cdef object _BOUND_WRAPPER = _BoundWrapper


cdef object spread_route(VM vm, PyObject* v, object args, object kwargs):
    """route_of for CALL_EX's spread arguments (a tuple or list, a dict or None)."""
    cdef tuple values
    cdef object names = None
    if kwargs:
        names = tuple(kwargs)
        for name in names:
            if type(name) is not str:
                return None
        values = tuple(args) + tuple(kwargs.values())
    else:
        values = tuple(args)
    return route_of(vm, route_kind(v), (<PyTupleObject*>values).ob_item,
                    len(values) - (len(names) if names is not None else 0),
                    <PyObject*>names if names is not None else NULL)


cdef inline bint argument_builtin(PyObject* v) noexcept:
    """One of the builtins argument_route may run from sandbox Python."""
    return (v == <PyObject*>list or v == <PyObject*>tuple or v == <PyObject*>dict
            or v == <PyObject*>set or v == <PyObject*>frozenset or v == <PyObject*>_B_SORTED
            or index_builtin(v))


cdef inline bint sandbox_argument(PyObject** args, Py_ssize_t n) noexcept:
    cdef Py_ssize_t i
    for i in range(n):
        if heap_typed(args[i]):
            return True
    return False


import builtins as _bi
cdef object _B_HEX = _bi.hex
cdef object _B_OCT = _bi.oct
cdef object _B_BIN = _bi.bin
cdef object _B_CHR = _bi.chr
cdef object _B_SORTED = _bi.sorted


cdef inline bint index_builtin(PyObject* v) noexcept:
    return (v == <PyObject*>_B_HEX or v == <PyObject*>_B_OCT or v == <PyObject*>_B_BIN
            or v == <PyObject*>_B_CHR or v == <PyObject*>range)


cdef object argument_route(VM vm, PyObject* v, PyObject** args, Py_ssize_t n, PyObject* kw):
    """The sandbox function of monty/modules/_sandbox/_loops.py that runs the builtin `v`
    (called with n positional arguments and the keywords kw) because an argument is a sandbox
    object: drain_ for list/tuple/set/frozenset/dict/sorted of a sandbox iterable (its
    __iter__ a sandbox function), index_call for hex/oct/bin/chr/range of an object whose
    __index__ is a sandbox function. None: CPython's call."""
    cdef PyObject* p
    cdef Py_ssize_t i
    if not index_builtin(v) and is_drain_consumer(<object>v):
        if n != 1 or (kw != NULL and v != <PyObject*>dict and v != <PyObject*>sorted):
            return None
        if not (heap_typed(args[0]) and is_sandbox_type(<object>TYPE(args[0]))
                and not monty_sub_builtin(args[0])):
            return None
        p = _PyType_Lookup(TYPE(args[0]), <PyObject*>"__iter__")
        if v == <PyObject*>dict and (p == NULL or TYPE(p) != <PyObject*>Function):
            p = _PyType_Lookup(TYPE(args[0]), <PyObject*>"keys")     # (a mapping)
        if p == NULL or TYPE(p) != <PyObject*>Function:
            return None
        return loops_function(vm, "drain_")
    if kw != NULL or not index_builtin(v) or (n != 1 and v != <PyObject*>range):
        return None
    for i in range(n):
        if (heap_typed(args[i]) and is_sandbox_type(<object>TYPE(args[i]))
                and not monty_sub_builtin(args[i])):
            p = _PyType_Lookup(TYPE(args[i]), <PyObject*>"__index__")
            if p != NULL and TYPE(p) == <PyObject*>Function:
                return loops_function(vm, "index_call")
    return None


cdef int enter_routed(VM vm, Frame* f, int pc, PyObject** func_slot, PyObject** args,
                      PyObject** sp, Py_ssize_t nargs, PyObject* kw, object fn) except -1:
    """Call the sandbox function `fn` in place of the builtin in func_slot, with the same
    arguments: its frame runs next in this loop."""
    cdef PyObject* old = func_slot[0]
    INCREF(<PyObject*>fn)
    func_slot[0] = <PyObject*>fn
    DECREF(old)
    return enter_function(vm, f, pc, func_slot, args, sp, nargs, kw, NULL)


cdef int push_call_result(VM vm, Frame* f, PyObject** func_slot, PyObject** sp,
                          object obj) except -1:
    """The call's slots (callable to top) replaced by its result."""
    cdef PyObject* r = <PyObject*>obj
    INCREF(r)
    while sp > func_slot:
        sp -= 1
        XDECREF(sp[0])
    sp[0] = r
    f.sp = sp + 1 - vm.stack
    return OUT_PUSHED


cdef object call_native(VM vm, Frame* f, PyObject* v, Py_ssize_t top, PyObject** args,
                        Py_ssize_t n, PyObject* kw):
    """A call into native code (a builtin type or function, a C method), pre-checked."""
    cdef PyObject* r
    # while native code runs, this frame's value stack is exact: the live walk may count it
    # (a list a comprehension is building)
    vm.top_sp = top
    vm.top_depth = vm.depth
    f.wait_sp = top
    precheck_native_call(vm, v, args, n, kw)
    if n >= 1 and is_heavy(v):
        obj = call_heavy_raw(vm, v, args, n, kw)
    else:
        r = R_Vectorcall(v, args, n, kw)
        obj = <object>r
        DECREF(r)
    vm.top_sp = top
    vm.top_depth = vm.depth
    account_result(vm, obj)
    vm.top_sp = -1
    f.wait_sp = -1
    return obj


cdef int precheck_native_call(VM vm, PyObject* v, PyObject** args, Py_ssize_t n,
                              PyObject* kw) except -1:
    """The size and cost pre-checks of the builtins whose C code could run long or allocate
    without bound on their arguments: bytes(n), str(x)/repr(x)/ascii(x), int(text), a
    sandbox subclass of a checked builtin, and the hash of tuple arguments."""
    cdef Py_ssize_t i
    if (v == <PyObject*>bytes or v == <PyObject*>bytearray) and n >= 1:
        check_bytes_size(<object>args[0])
    elif n >= 1 and monty_is_heap_type(v):
        # a sandbox subclass of a builtin built by its base's constructor
        check_construct(vm, <object>v, args)
    if n == 1 and (v == <PyObject*>str or v == <PyObject*>_BUILTIN_REPR
                   or v == <PyObject*>_BUILTIN_ASCII):
        check_conversion(v, <object>args[0])
    elif v == <PyObject*>int and n >= 1 and vm.deadline and (
            type(<object>args[0]) is str or type(<object>args[0]) is bytes):
        check_text_int(vm, <object>args[0])
    elif v == <PyObject*>int and n >= 1 and vm.deadline and monty_sub_builtin(args[0]):
        # int(S(...)): a str subclass's text, read by str's own slot
        text = _policy.exact_str(<object>args[0])
        if type(text) is str:
            check_text_int(vm, text)
    if vm.deadline:
        # a tuple argument of a native call may be hashed (d.get(t), s.add(t),
        # operator.contains(s, t)...): all its items, uncached
        for i in range(n + (TUPLE_SIZE(kw) if kw != NULL else 0)):
            if TupleCheck(args[i]):
                check_hash(vm, args[i])
    return 0


cdef int call_next_on_generator(VM vm, Frame* f, int pc, PyObject** func_slot, PyObject** sp,
                                PyObject** args, Py_ssize_t n) except -1:
    """next(gen) / next(gen, default) from the loop: the generator runs above this frame (its
    host calls can pause)."""
    cdef PyObject* w = args[0]
    cdef PyObject* x = args[1] if n == 2 else NULL
    cdef int h
    INCREF(w)
    XINCREF(x)
    release_to(sp, func_slot)
    f.pc = pc
    f.sp = func_slot - vm.stack
    try:
        h = gen_push_frame(vm, <Generator>w, None, 0, RESUME_CALL)
    except BaseException:
        XDECREF(x)
        raise
    finally:
        DECREF(w)
    if not h:
        if x != NULL:
            func_slot[0] = x
            f.sp += 1
            return OUT_PUSHED
        raise StopIteration
    vm.frames[vm.depth - 1].next_default = x
    return OUT_RESUME


cdef int call_gen_method(VM vm, Frame* f, int pc, PyObject** func_slot, PyObject** sp,
                         GenMethod m, PyObject* x) except -1:
    """gen.send(x) / gen.throw(e) from the loop: the generator runs above this frame (so its
    host calls can pause); what it yields is the call's result."""
    cdef Generator g = m.gen
    cdef bint send = m.name == "send"
    cdef object value = <object>x
    cdef int h
    release_to(sp, func_slot)
    f.pc = pc
    f.sp = func_slot - vm.stack
    if send:
        if gen_push_frame(vm, g, value, 0, RESUME_CALL):
            return OUT_RESUME
        if type(g) is Coroutine:
            raise RuntimeError("cannot reuse already awaited coroutine")
        raise StopIteration
    vm.pending_exc = make_exception(value)
    if g.state != GEN_SUSPENDED:
        g.state = GEN_FINISHED
        g.saved = None
        return OUT_RAISE
    try:
        h = gen_push_throw(vm, g, 0, RESUME_CALL)
    except BaseException:
        vm.pending_exc = None
        raise
    return OUT_RESUME_RAISE if h else OUT_RAISE


cdef int call_draining(VM vm, Frame* f, int pc, PyObject** sp, PyObject** args) except -1:
    """list(gen), sorted(gen)...: run the generator to its end in this loop (so its host
    calls can pause), collecting into a list; then the consumer is called on the list."""
    cdef PyObject* w = args[0]
    cdef list collected = []
    cdef int h
    args[0] = <PyObject*>collected
    INCREF(args[0])
    f.pc = pc
    f.sp = sp - vm.stack
    h = gen_push_frame(vm, <Generator>w, None, 0, RESUME_DRAIN)
    DECREF(w)
    if h:
        INCREF(args[0])
        vm.frames[vm.depth - 1].drain = args[0]
        return OUT_RESUME
    return OUT_AGAIN            # already finished: call the consumer on []


cdef int call_ex_value(VM vm, Frame* f, int pc, Py_ssize_t top, int a) except -1:
    """CALL_EX a: `callable, args tuple[, kwargs dict]` on the stack of frame f."""
    cdef PyObject** stack = vm.stack
    cdef PyObject** sp = stack + top
    cdef PyObject** func_slot = sp - 2 - (a & CALL_EX_KWARGS)
    cdef PyObject* v = func_slot[0]
    cdef Py_ssize_t nargs
    cdef PyObject* kw
    cdef PyObject* w
    if (TYPE(v) == <PyObject*>BoundMethod
            and TYPE(<PyObject*>(<BoundMethod>v).func) == <PyObject*>Function
            and (TYPE(func_slot[1]) == <PyObject*>tuple or TYPE(func_slot[1]) == <PyObject*>list)):
        # obj.method(*args): the function with self first, pushed as a frame like any sandbox
        # call (so host calls inside it can pause)
        spread = ((<BoundMethod>v).self_obj,) + tuple(<object>func_slot[1])
        w = func_slot[1]
        func_slot[1] = <PyObject*>spread
        INCREF(func_slot[1])
        DECREF(w)
        w = <PyObject*>(<BoundMethod>v).func
        INCREF(w)
        func_slot[0] = w
        DECREF(v)
        v = w
        spread = None
    elif (TYPE(v) == <PyObject*>_PY_FUNCTION and _generic_routes
            and (TYPE(func_slot[1]) == <PyObject*>tuple or TYPE(func_slot[1]) == <PyObject*>list)
            and (not (a & CALL_EX_KWARGS) or TYPE(func_slot[2]) == <PyObject*>dict)):
        # json.loads(s, **options): routed as the plain call is (see routed_function)
        routed = generic_route_values(vm, <object>v, <object>func_slot[1],
                                      <object>func_slot[2] if a & CALL_EX_KWARGS else None)
        if routed is not None:
            w = <PyObject*>routed
            INCREF(w)
            func_slot[0] = w
            DECREF(v)
            v = w
            routed = None
    elif ((route_kind(v) >= 0 or (TYPE(v) == <PyObject*>_BOUND_WRAPPER
                                   and route_kind(<PyObject*>(<object>v).__func__) >= 0))
            and (TYPE(func_slot[1]) == <PyObject*>tuple or TYPE(func_slot[1]) == <PyObject*>list)
            and (not (a & CALL_EX_KWARGS) or TYPE(func_slot[2]) == <PyObject*>dict)):
        # fmt.format(*args, **kwargs), sorted(*args, key=f)...: routed as the plain call is
        if TYPE(v) == <PyObject*>_BOUND_WRAPPER:
            spread = ((<object>v).__self__,) + tuple(<object>func_slot[1])
            routed = spread_route(vm, <PyObject*>(<object>v).__func__, spread,
                                  <object>func_slot[2] if a & CALL_EX_KWARGS else None)
            if routed is not None:
                w = func_slot[1]
                func_slot[1] = <PyObject*>spread
                INCREF(func_slot[1])
                DECREF(w)
            spread = None
        else:
            routed = spread_route(vm, v, <object>func_slot[1],
                                  <object>func_slot[2] if a & CALL_EX_KWARGS else None)
        if routed is not None:
            w = <PyObject*>routed
            INCREF(w)
            func_slot[0] = w
            DECREF(v)
            v = w
            routed = None
    if TYPE(v) == <PyObject*>Function:
        call_spread(vm, func_slot, a & CALL_EX_KWARGS, &nargs, &kw)
        sp = func_slot + 1 + nargs + (1 if kw != NULL else 0)
        f.pc = pc
        f.sp = sp - stack
        try:
            bind_and_push(vm, <Function>v, func_slot - stack, func_slot + 1 - stack, nargs, kw, 0)
        except BaseException:
            release_to(sp, stack + top)     # spread arguments above the loop's top
            raise
        if kw != NULL:
            DECREF(kw)
        if (<Code>vm.frames[vm.depth - 1].code).flags & CO_GENERATOR:
            f.sp = make_generator(vm) + 1
            return OUT_PUSHED
        return OUT_ENTER
    if TYPE(v) == <PyObject*>HostFunction and vm.pause_mode and pause_host_values(
            vm, <HostFunction>v, tuple(<object>func_slot[1]),
            dict(<object>func_slot[2]) if a & CALL_EX_KWARGS else {}):
        release_to(sp, func_slot)
        f.pc = pc
        f.sp = func_slot - stack
        return OUT_PAUSED
    if a & CALL_EX_KWARGS:
        obj = call_object_ex(vm, <object>v, <object>func_slot[1], <object>func_slot[2])
    else:
        obj = call_object_ex(vm, <object>v, <object>func_slot[1], None)
    return push_call_result(vm, f, func_slot, sp, obj)


import functools as _functools
cdef object _PARTIAL = _functools.partial


cdef bint partial_runs_in_loop(PyObject* p):
    """functools.partial over a sandbox function or a host function: called by the loop (so
    the call can pause), not by partial's C code."""
    cdef object func = (<object>p).func
    cdef object t = type(func)
    return (t is Function or t is HostFunction
            or (t is BoundMethod and type((<BoundMethod>func).func) is Function))


cdef int call_partial(VM vm, Frame* f, int pc, PyObject** func_slot, PyObject** sp,
                      PyObject** args, Py_ssize_t n, PyObject* kw) except -1:
    """partial(func, *a, **k)(*b, **j): the call slots become `func, a + b, {**k, **j}` and run
    as CALL_EX does (three slots from func_slot: within the frame's region, whose limit keeps
    two slots above the deepest stack)."""
    cdef Py_ssize_t i
    cdef object p = <object>func_slot[0]
    positional = (<object>p).args + tuple([<object>args[i] for i in range(n)])
    kwargs = dict((<object>p).keywords)
    if kw != NULL:
        for i, name in enumerate(<tuple>kw):
            kwargs[name] = <object>args[n + i]
    func = (<object>p).func
    release_to(sp, func_slot)
    func_slot[0] = <PyObject*>func
    INCREF(func_slot[0])
    func_slot[1] = <PyObject*>positional
    INCREF(func_slot[1])
    func_slot[2] = <PyObject*>kwargs
    INCREF(func_slot[2])
    return call_ex_value(vm, f, pc, func_slot + 3 - vm.stack, CALL_EX_KWARGS)
