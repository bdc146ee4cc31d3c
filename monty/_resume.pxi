# Frames that leave: a return, a generator's yield, and a value handed to the frame that
# resumed a generator (FOR_ITER, SEND, a gen.send()/next() call, a draining consumer). One place
# knows what each way of resuming expects back; the eval loop reloads the frame that runs next.
#
# Offers:
#   return_from_frame(vm, f, r, &left)  RETURN_VALUE: OUT_RESUME, OUT_RESUME_RAISE or OUT_LEAVE
#   yield_from_frame(vm, f, r, &left)   YIELD_VALUE (not draining): OUT_RESUME or OUT_LEAVE
#   drain_yield(vm, f, sp)              YIELD_VALUE of a generator drained by a consumer
#   send_to_delegate(vm, f, pc, top, a) SEND: the frame's sp and pc, or the delegate's frame
#   range_next, list_next               FOR_ITER's inline steps over monty's own iterators
#   next_or_resume(vm, f, pc, top, it)  FOR_ITER over any other iterator, or a generator resumed


cdef inline PyObject* range_next(RangeIter it) except? NULL:
    """The next int of a range iterator (a new reference), or NULL when it is exhausted."""
    cdef PyObject* r
    if it.remaining <= 0:
        return NULL
    it.remaining -= 1
    r = R_LongFromLongLong(it.current)
    it.current += it.step
    return r


cdef inline PyObject* list_next(ListIter it) noexcept:
    """The next item of a list or tuple iterator (a new reference), or NULL when exhausted."""
    cdef PyObject* w = <PyObject*>it.seq
    cdef Py_ssize_t i = it.index
    cdef PyObject* r
    if ListExact(w):
        if i >= LIST_SIZE(w):
            return NULL
        r = LIST_ITEM(w, i)
    elif i < TUPLE_SIZE(w):
        r = TUPLE_ITEM(w, i)
    else:
        return NULL
    INCREF(r)
    it.index = i + 1
    return r


cdef object _RESUMED = object()
cdef PyObject* RESUMED = <PyObject*>_RESUMED    # next_or_resume: a generator frame was pushed


cdef PyObject* next_or_resume(VM vm, Frame* f, int pc, Py_ssize_t top, PyObject* it) except? NULL:
    """FOR_ITER's step over any other iterator: the next value (a new reference), NULL when
    exhausted, or RESUMED when `it` is a sandbox generator whose frame now runs above f (its
    yield hands the value to FOR_ITER)."""
    cdef PyObject* r
    if TYPE(it) == <PyObject*>Generator:
        f.pc = pc
        f.sp = top
        if gen_push_frame(vm, <Generator>it, None, 0, RESUME_FOR_ITER):
            return RESUMED
        return NULL
    if heap_typed(it) and next_protocol(vm, f, pc, top, it):
        return RESUMED
    r = monty_iternext(it)
    if r == NULL and R_ErrOccurred() != NULL:
        raise_pending()
    return r


cdef inline int jump_target(Frame* f) noexcept:
    """The jump operand of the instruction frame f waits at (FOR_ITER or SEND)."""
    return (<Code>f.code).instrs[(f.pc - 1) * 3 + 1]


cdef int return_from_frame(VM vm, Frame* f, PyObject* r, PyObject** left) except -1:
    """Frame f returns r (a reference this call consumes) and is popped. The value goes to the
    frame below, by the way it called or resumed f; OUT_LEAVE when f was the entry frame (its
    value then in *left)."""
    cdef PyObject** stack = vm.stack
    cdef int is_entry = f.entry
    cdef int ret = f.ret
    cdef int resume = f.resume
    cdef bint gen = f.gen != NULL
    cdef int proto = f.proto
    cdef PyObject* default = NULL
    cdef PyObject* ns = NULL
    cdef Frame* caller
    if f.init_self != NULL:         # __init__ returned None (checked): the call's value is self
        DECREF(r)
        r = f.init_self
        f.init_self = NULL
    if proto == PROTO_CLASS_BODY and f.base >= 0:
        ns = stack[f.base]                  # the class body's namespace, for the class
        XINCREF(ns)
    if gen:
        gen_finish(vm, f)
        if resume == RESUME_CALL:
            default = f.next_default       # next(gen, default): the default
            f.next_default = NULL
    vm.depth -= 1
    vm.discard_frame(f)
    if is_entry:
        left[0] = r
        return OUT_LEAVE
    caller = &vm.frames[vm.depth - 1]
    if not gen:
        if proto:
            return returned_to(vm, caller, proto, r, ns)
        stack[ret] = r
        caller.sp = ret + 1
    elif resume == RESUME_SEND:
        # the delegate of an await / yield from returned: its value replaces it, and the
        # awaiting frame leaves its SEND loop
        DECREF(stack[caller.sp - 1])
        stack[caller.sp - 1] = r
        caller.pc = jump_target(caller)
    elif resume == RESUME_CALL:
        # gen.send() / next(gen) from the loop: the generator returned
        if default != NULL:
            DECREF(r)
            stack[caller.sp] = default
            caller.sp += 1
            return OUT_RESUME
        value = <object>r
        DECREF(r)
        vm.pending_exc = StopIteration() if value is None else StopIteration(value)
        return OUT_RESUME_RAISE
    elif resume == RESUME_DRAIN:
        # drained: the consumer call runs again, now on the list
        DECREF(r)
        caller.pc -= 1
    else:
        # a generator resumed by FOR_ITER is exhausted: leave the loop
        DECREF(r)
        caller.sp -= 1
        DECREF(stack[caller.sp])
        caller.pc = jump_target(caller)
    return OUT_RESUME


cdef int yield_from_frame(VM vm, Frame* f, PyObject* r, PyObject** left) except -1:
    """Generator frame f (pc and sp saved) yields r (a reference this call consumes): it is
    suspended and popped, and r goes to the frame that resumed it; OUT_LEAVE when f was the
    entry frame (r then in *left)."""
    cdef PyObject** stack = vm.stack
    cdef int resume = f.resume
    cdef int is_entry = f.entry
    cdef Frame* caller
    cdef PyObject** fast
    cdef PyObject* v
    cdef int slot
    gen_suspend(vm, f)
    vm.depth -= 1
    vm.discard_frame(f)
    if is_entry:
        left[0] = r
        return OUT_LEAVE
    caller = &vm.frames[vm.depth - 1]
    if (resume == RESUME_SEND or resume == RESUME_CALL
            or (<Code>caller.code).instrs[(caller.pc - 1) * 3] == OP_FOR_ITER):
        # the awaiting frame's YIELD_VALUE, the result of send(), or FOR_ITER's value
        stack[caller.sp] = r
        caller.sp += 1
    else:
        # FOR_ITER_STORE_FAST: into its local
        slot = (<Code>caller.code).instrs[(caller.pc - 1) * 3 + 2]
        fast = (<PyListObject*>vm.gvals).ob_item if caller.base < 0 else stack + caller.base
        v = fast[slot]
        fast[slot] = r
        XDECREF(v)
    return OUT_RESUME


cdef int drain_yield(VM vm, Frame* f, PyObject** sp) except -1:
    """YIELD_VALUE in a generator a consumer drains: the value on top joins the consumer's
    list and None is sent back (a pause here keeps the list)."""
    cdef PyObject* r = sp[-1]
    account_sp(vm, sp - 1, 16)
    R_ListAppend(f.drain, r)
    DECREF(r)
    INCREF(NONE_P)
    sp[-1] = NONE_P
    vm.ticks -= 1
    if vm.ticks <= 0:
        check_limits(vm, sp - vm.stack)
    return 0


cdef int send_to_delegate(VM vm, Frame* f, int pc, Py_ssize_t top, int a) except -1:
    """SEND a: `delegate, value` on top of frame f's stack. Sets f.sp and f.pc for the loop to
    go on with; when the delegate is a sandbox generator or coroutine, its frame is pushed
    above f and runs next (OUT_RESUME), else OUT_PUSHED."""
    cdef PyObject** stack = vm.stack
    cdef PyObject** sp = stack + top
    cdef PyObject* x = sp[-2]
    cdef PyObject* w
    cdef PyObject* r
    cdef int h
    f.pc = pc
    f.sp = top
    if TYPE(x) == <PyObject*>Coroutine or TYPE(x) == <PyObject*>Generator or (
            TYPE(x) == <PyObject*>AsyncGenerator):
        # delegate in the loop: the awaited frame runs above this one
        w = sp[-1]
        sp[-1] = NULL
        f.sp = top - 1
        try:
            h = gen_push_frame(vm, <Generator>x, <object>w, 0, RESUME_SEND)
        finally:
            DECREF(w)
        if h:
            return OUT_RESUME
        DECREF(sp[-2])                  # finished already: it returns None
        INCREF(NONE_P)
        sp[-2] = NONE_P
        f.pc = a
        return OUT_PUSHED
    if TYPE(x) == <PyObject*>HostFuture and not (<HostFuture>x).done:
        # not finished: handed up to the event loop (like a future's `yield self`), which
        # runs the host coroutines; then SEND again
        DECREF(sp[-1])
        INCREF(x)
        sp[-1] = x
        return OUT_PUSHED
    if TYPE(x) == <PyObject*>HostFuture:
        error = (<HostFuture>x).error
        if error is not None:
            raise error
        r = <PyObject*>(<HostFuture>x).value
        INCREF(r)
        DECREF(sp[-1])
        DECREF(sp[-2])
        sp[-2] = r
        f.sp = top - 1
        f.pc = a
        return OUT_PUSHED
    result = yield_from_send(vm, <object>sp[-2], <object>sp[-1])
    guard_value(vm, <PyObject*>(<tuple>result)[1])
    r = <PyObject*>(<tuple>result)[1]
    INCREF(r)
    DECREF(sp[-1])
    if (<tuple>result)[0] is True:
        DECREF(sp[-2])
        sp[-2] = r
        f.sp = top - 1
        f.pc = a
    else:
        sp[-1] = r
    return OUT_PUSHED


cdef int unwind_to_handler(VM vm, Frame* f, object exc, int pc, Py_ssize_t top, bint reraise,
                           bint raised_by_op) except -1:
    """`exc` left the instruction before `pc` in frame f (value-stack top `top`): find its
    handler, popping frames. The handler's frame stays innermost with its sp and pc set (the
    exception pushed); an exception that leaves the entry frame is raised once its frames are
    gone, and a limit error unwinds every frame without running a handler. `reraise`: RERAISE
    or a bare `raise` (the exception keeps its traceback); `raised_by_op`: a `raise` statement
    or the loop itself raised it (not C code, whose context is dropped)."""
    cdef PyObject** stack = vm.stack
    cdef PyObject** sp = stack + top
    cdef Py_ssize_t n
    cdef int h, is_entry, proto
    vm.top_sp = -1
    f.wait_sp = -1
    # (a KeyboardInterrupt from a host function set LIMIT_ABORT; one raised by sandbox code
    # is an ordinary exception; a MemoryError of the allocator guard is the limit)
    if vm.meter.refused and meter_refused(vm):
        vm.limit_kind = LIMIT_MEMORY
        exc = _LimitExceeded(LIMIT_MEMORY, -1)
    if vm.limit_kind != LIMIT_NONE or isinstance(exc, _LimitExceeded):
        if vm.limit_kind == LIMIT_NONE:
            vm.limit_kind = LIMIT_ABORT
        f.sp = top
        while True:
            is_entry = f.entry
            if f.gen != NULL:
                gen_finish(vm, f)
            vm.depth -= 1
            bury_frame(vm, f)
            if is_entry:
                raise_raw(exc)
            f = &vm.frames[vm.depth - 1]
    if not reraise:
        exc = sandbox_exception(vm, exc, not raised_by_op)
        add_traceback(exc, f, pc)
    else:
        exc.__traceback__ = None
    vm.ticks -= 50          # raising costs tens of ticks: checked at the next tick point
    while True:
        h = (<Code>f.code).handler_of[pc - 1] if pc > 0 else -1
        if h >= 0:
            n = f.stack_base + (<Code>f.code).handlers[2 * h + 1]
            release_to(sp, stack + n)
            if sp > stack + n:
                sp = stack + n
            INCREF(<PyObject*>exc)
            sp[0] = <PyObject*>exc
            f.sp = sp + 1 - stack
            f.pc = (<Code>f.code).handlers[2 * h]
            return 0
        f.sp = sp - stack
        n = f.ret
        is_entry = f.entry
        h = f.gen != NULL
        proto = f.proto
        if h:
            exc = generator_stop_error(exc, <object>f.gen)
            gen_finish(vm, f)
        vm.depth -= 1
        vm.discard_frame(f)
        if is_entry:
            raise_raw(exc)
        f = &vm.frames[vm.depth - 1]
        # the call's slots are gone; a generator ran above its caller's stack
        sp = stack + (f.sp if h else n)
        if proto == PROTO_NEXT and isinstance(exc, StopIteration):
            return stop_iteration_ends(vm, f, sp)       # __next__ ended a for loop
        if proto == PROTO_UNPACK_NEXT and isinstance(exc, StopIteration) and unpack_items(vm, f, sp):
            return 0                                    # ... or the items to unpack
        pc = f.pc
        add_traceback(exc, f, pc)
