# Generators: a suspended frame kept as plain data (slots, pc), resumed on the data stack.
#
# Offers: Generator; make_generator (a generator function's call), gen_push_frame (resume a
# generator's frame above the current one: the one resume path), gen_suspend, gen_finish,
# gen_resume (from C: a nested loop), yield_from_send, yield_from_target, generator_stop_error.

cdef enum:
    GEN_CREATED = 0
    GEN_SUSPENDED = 1
    GEN_RUNNING = 2
    GEN_FINISHED = 3
    RESUME_ENTRY = 0         # resumed from C (next(), send(), list(gen)): run_frames returns
    RESUME_FOR_ITER = 1      # resumed by FOR_ITER / FOR_ITER_STORE_FAST in the caller frame
    RESUME_DRAIN = 2         # run to the end in the loop, its values appended to frame.drain,
                             # for a consumer call (list(gen), sum(gen), ...) that then re-runs
    RESUME_SEND = 3          # the delegate of its caller's await / yield from (SEND)
    RESUME_CALL = 4          # resumed by a gen.send() / gen.throw() call from the loop


@cython.trashcan(True)
cdef class Generator(SandboxIter):
    """A generator object of sandbox code."""

    def __repr__(self):
        return f"<generator object {self.qualname} at {id(self):#x}>"

    def __next__(self):
        return gen_resume(self.vm, self, None, None)

    def send(self, value):
        return gen_resume(self.vm, self, value, None)

    def throw(self, typ, value=None, tb=None):
        if value is None:
            exc = make_exception(typ)
        elif isinstance(value, BaseException):
            exc = value
        else:
            exc = typ(value) if isinstance(typ, type) else make_exception(typ)
        return gen_resume(self.vm, self, None, exc)

    def close(self):
        if self.state == GEN_CREATED:
            self.state = GEN_FINISHED
            self.saved = None
            return None
        if self.state == GEN_FINISHED:
            return None
        try:
            gen_resume(self.vm, self, None, GeneratorExit())
        except (GeneratorExit, StopIteration):
            return None
        raise RuntimeError("generator ignored GeneratorExit")


cdef int make_generator(VM vm) except -1:
    """The innermost frame was just pushed for a generator function: turn it into a
    Generator object at the call's result slot and pop it. Returns that slot."""
    cdef Frame* f = &vm.frames[vm.depth - 1]
    cdef Code code = <Code>f.code
    cdef Generator gen
    cdef PyObject* p
    cdef int i, ret = f.ret
    if code.flags & CO_COROUTINE:
        gen = Coroutine.__new__(Coroutine)
    elif code.flags & CO_ASYNC_GENERATOR:
        gen = AsyncGenerator.__new__(AsyncGenerator)
    else:
        gen = Generator.__new__(Generator)
    gen.code = code
    gen.func = <Function>f.func
    gen.vm = vm
    gen.name = gen.func.name
    gen.qualname = gen.func.qualname
    gen.saved = save_slots(vm, f.base, f.base + code.nslots)
    gen.state = GEN_CREATED
    f.sp = f.base
    vm.depth -= 1
    vm.discard_frame(f)
    INCREF(<PyObject*>gen)
    vm.stack[ret] = <PyObject*>gen
    return ret


cdef list save_slots(VM vm, int start, int end):
    """Move stack[start:end] into a list (UNBOUND for empty slots)."""
    cdef list out = []
    cdef PyObject* p
    cdef int i
    for i in range(start, end):
        p = vm.stack[i]
        if p == NULL:
            out.append(UNBOUND)
        else:
            out.append(<object>p)
            DECREF(p)
            vm.stack[i] = NULL
    return out


cdef int gen_push_frame(VM vm, Generator gen, object value, int entry, int resume,
                        bint at_send=False) except -1:
    """Push the generator's frame above the current one; 0 if it is already finished.
    `at_send`: resume it at the YIELD_VALUE of its await/yield-from loop, without a value (its
    delegate is pushed above it next: see gen_push_throw)."""
    cdef int ret, base, i, n
    cdef Frame* f
    cdef Code code = gen.code
    if gen.state == GEN_FINISHED:
        return 0
    if gen.state == GEN_RUNNING:
        if type(gen) is Coroutine:
            raise ValueError("coroutine already executing")
        raise ValueError("generator already executing")
    if gen.state == GEN_CREATED and value is not None:
        raise TypeError("can't send non-None value to a just-started generator")
    vm.ensure_stack()
    ret = vm.region_top()
    base = ret + 1
    n = len(gen.saved)
    if base + code.nslots + code.stacksize + 2 >= vm.stack_cap:
        raise RecursionError("maximum recursion depth exceeded (data stack full)")
    vm.push_frame(code, gen.func, ret, base, entry)
    INCREF(<PyObject*>gen)
    vm.stack[ret] = <PyObject*>gen
    for i in range(n):
        item = gen.saved[i]
        if item is UNBOUND:
            vm.stack[base + i] = NULL
        else:
            INCREF(<PyObject*>item)
            vm.stack[base + i] = <PyObject*>item
    f = &vm.frames[vm.depth - 1]
    f.sp = f.stack_base + gen.nstack
    f.pc = gen.pc - 1 if at_send else gen.pc
    f.gen = <PyObject*>gen
    f.resume = resume
    if gen.state == GEN_SUSPENDED and not at_send:
        INCREF(<PyObject*>value)
        vm.stack[f.sp] = <PyObject*>value
        f.sp += 1
    gen.saved = None
    gen.state = GEN_RUNNING
    gen.outer_handled = vm.handled
    if gen.handled is not None:
        vm.handled = gen.handled
    return 1


cdef void gen_suspend(VM vm, Frame* f) noexcept:
    """YIELD_VALUE: keep the frame's slots and position in its generator (value already popped)."""
    cdef Generator gen = <Generator>f.gen
    gen.saved = save_slots(vm, f.base, f.sp)
    gen.nstack = f.sp - f.stack_base
    gen.pc = f.pc
    gen.state = GEN_SUSPENDED
    gen.handled = vm.handled if vm.handled is not gen.outer_handled else None
    vm.handled = gen.outer_handled
    gen.outer_handled = None
    f.sp = f.base


cdef void gen_finish(VM vm, Frame* f) noexcept:
    """The generator's frame returned or raised."""
    cdef Generator gen = <Generator>f.gen
    gen.state = GEN_FINISHED
    gen.saved = None
    gen.handled = None
    vm.handled = gen.outer_handled
    gen.outer_handled = None


cdef int yield_from_target(Generator gen):
    """The `done` target of the SEND when `gen` is suspended inside `yield from` (its next
    instruction jumps back to that SEND, the delegate on top of its stack), else -1."""
    cdef Code code = gen.code
    cdef int pc = gen.pc, target
    if gen.state != GEN_SUSPENDED or gen.nstack < 1 or pc >= code.ninstrs:
        return -1
    if code.instrs[pc * 3] != OP_JUMP_BACKWARD:
        return -1
    target = code.instrs[pc * 3 + 1]
    if code.instrs[target * 3] != OP_SEND:
        return -1
    return code.instrs[target * 3 + 1]


cdef object gen_resume(VM vm, Generator gen, object value, object exc):
    """next()/send()/throw() from C code: run the generator in a nested loop. A thrown
    exception reaches the innermost generator of a `yield from`/`await` chain first, as in
    CPython (gen_push_throw)."""
    cdef VM saved
    cdef int h
    cdef NestSave save
    if gen.state == GEN_FINISHED or (gen.state == GEN_CREATED and exc is not None):
        gen.state = GEN_FINISHED
        gen.saved = None
        if exc is not None:
            raise exc
        raise StopIteration
    check_in_run(vm)
    nest_check(vm)
    if value is not None:
        guard_value(vm, <PyObject*>value)      # send() called from C with a value it built
    if exc is not None:
        h = gen_push_throw(vm, gen, 1, RESUME_ENTRY)
    else:
        h = gen_push_frame(vm, gen, value, 1, RESUME_ENTRY)
    if not h:
        raise StopIteration
    if exc is not None:
        vm.pending_exc = exc
    saved = cur_vm()
    nest_enter(vm, &save)
    set_cur_vm(vm)
    try:
        result = run_frames(vm)
    finally:
        nest_exit(vm, &save)
        set_cur_vm(saved)
    if vm.yielded:
        vm.yielded = 0
        return result
    if result is None:
        raise StopIteration
    raise StopIteration(result)


cdef tuple yield_from_send(VM vm, object it, object value):
    """SEND: (done, value): the next value of the delegate, or its return value."""
    cdef PyObject* r
    try:
        if isinstance(it, Generator):
            return False, gen_resume(vm, <Generator>it, value, None)
        if value is None:
            r = monty_iternext(<PyObject*>it)
            if r == NULL:
                if R_ErrOccurred() != NULL:
                    raise_pending()
                return True, None
            result = <object>r
            DECREF(r)
            return False, result
        raise TypeError(f"'{type_name(it)}' object has no attribute 'send'")
    except StopIteration as e:
        return True, e.value


cdef object generator_stop_error(object exc, object gen):
    """PEP 479: a StopIteration escaping a generator becomes RuntimeError (and a
    StopAsyncIteration escaping an async generator)."""
    if isinstance(exc, StopIteration):
        kind = type_name(gen)
        err = RuntimeError(f"{kind.replace('_', ' ')} raised StopIteration")
    elif isinstance(exc, StopAsyncIteration) and type(gen) is AsyncGenerator:
        err = RuntimeError("async generator raised StopAsyncIteration")
    else:
        return exc
    err.__cause__ = exc
    err.__context__ = exc
    return err
