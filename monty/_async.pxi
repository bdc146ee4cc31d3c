# async/await: coroutines and async generators are generators of another kind (suspended
# frames kept as data, delegated to in the loop like `yield from`); the event loop is the
# sandbox module `asyncio`, written in sandbox Python (monty/modules/asyncio.py). An async
# host function's call is a HostFuture: the host call already made, awaited for its result.
#
# Offers: Coroutine, AsyncGenerator, HostFuture, GenMethod, CoroWrapper; gen_push_throw,
# op_get_awaitable, op_before_async_with, the b_* async builtins, build_internal_module.


@cython.trashcan(True)
cdef class Coroutine(Generator):
    """The coroutine object an `async def` function returns."""

    def __repr__(self):
        return f"<coroutine object {self.qualname} at {id(self):#x}>"

    def __iter__(self):
        raise TypeError("'coroutine' object is not iterable")

    def __next__(self):
        raise TypeError("'coroutine' object is not an iterator")


@cython.trashcan(True)
cdef class AsyncGenerator(Generator):
    """The object an `async def` function with `yield` returns. Its frame yields the values
    wrapped (AsyncGenValue) and passes anything else (what its awaits wait on) up."""

    def __repr__(self):
        return f"<async_generator object {self.qualname} at {id(self):#x}>"

    def __iter__(self):
        raise TypeError("'async_generator' object is not iterable")

    def __next__(self):
        raise TypeError("'async_generator' object is not an iterator")


@cython.trashcan(True)
cdef class AsyncGenValue:
    """A value an async generator yields (as opposed to an await passing a future up)."""
    cdef readonly object value


@cython.trashcan(True)
cdef class HostFuture:
    """The result of calling an async host function: awaiting it gives the value (or raises
    the error) the host's coroutine ended with; it may be awaited any number of times.

    Under run() the host coroutine starts only once awaited: the await passes the pending
    future up to the sandbox's event loop, which, when no task is ready, runs every awaited
    host coroutine concurrently on the host's side until one finishes (.host_wait)."""
    cdef readonly str name
    cdef readonly object value
    cdef object _error              # _NOT_AWAITED: made when first asked for
    cdef object coro                # the host's awaitable while pending, else None
    cdef object task                # its asyncio task once started
    cdef HostFunction func
    cdef public bint done
    cdef public object call         # deferred (start(), run_async()): (args, kwargs) as host data
    cdef public long long call_id   # deferred: the id its Call carries

    def __repr__(self):
        return f"<coroutine object {self.name} at {id(self):#x}>"

    @property
    def error(self):
        if self._error is _NOT_AWAITED:
            self._error = RuntimeError(f"{self.name}() was not awaited before the run ended")
        return self._error


cdef object _NOT_AWAITED = object()


@cython.trashcan(True)
cdef class GenMethod:
    """gen.send / gen.throw / gen.close as sandbox code sees them; a call from the loop runs the
    generator in the loop (so it can pause), a call from C runs it nested."""
    cdef readonly Generator gen
    cdef readonly str name

    def __call__(self, *args):
        if self.name in ("asend", "athrow", "aclose"):
            return agen_method(self.gen, self.name, args)
        if self.name == "__await__":
            if args:
                raise TypeError(f"__await__() takes no arguments ({len(args)} given)")
            return coro_wrapper(self.gen)
        return getattr(self.gen, self.name)(*args)

    def __repr__(self):
        return f"<built-in method {self.name} of {type_name(self.gen)} object at {id(self.gen):#x}>"


@cython.trashcan(True)
cdef class CoroWrapper(SandboxIter):
    """coro.__await__(): an iterator over the coroutine (what `yield from` delegates to)."""
    cdef readonly Generator coro

    def __next__(self):
        return gen_resume(self.coro.vm, self.coro, None, None)

    def send(self, value):
        return gen_resume(self.coro.vm, self.coro, value, None)

    def throw(self, typ, value=None, tb=None):
        return self.coro.throw(typ, value, tb)

    def close(self):
        return self.coro.close()


cdef object coro_wrapper(Generator coro):
    if coro.state == GEN_FINISHED:
        raise RuntimeError("cannot reuse already awaited coroutine")
    cdef CoroWrapper w = CoroWrapper.__new__(CoroWrapper)
    w.coro = coro
    return w


cdef object gen_method(Generator gen, str name):
    cdef GenMethod m = GenMethod.__new__(GenMethod)
    m.gen = gen
    m.name = name
    return m


cdef object make_host_future(str name, object value, object error):
    cdef HostFuture fut = HostFuture.__new__(HostFuture)
    fut.name = name
    fut.value = value
    fut._error = error
    fut.done = True
    return fut


cdef object pending_host_future(VM vm, HostFunction hf, object coro):
    cdef HostFuture fut = HostFuture.__new__(HostFuture)
    fut.name = hf.name
    fut.func = hf
    fut.coro = coro
    fut.done = False
    vm.host_pending.append(fut)
    if vm.deadline:
        # closing it if it is never awaited costs about this much at the end of the run:
        # reserved now, so that a million dropped calls do not end the run late
        vm.deadline -= 1e-6
    return fut


cdef int settle_host_future(VM vm, HostFuture fut, object task) except -1:
    """A started host coroutine finished: keep its value (as sandbox data) or its error."""
    fut.done = True
    fut.coro = None
    fut.task = None
    if task.cancelled():
        fut._error = RuntimeError(f"{fut.name}() was cancelled on the host")
        return 0
    e = task.exception()
    if e is not None:
        fut._error = host_exception(e)
        return 0
    try:
        fut.value = import_value_vm(vm, task.result())
    except MontyTypeError as err:
        fut._error = TypeError(f"{fut.name}() returned a value the sandbox cannot hold: {err}")
    return 0


cdef object b_host_wait(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.host_wait(futures): run the awaited host coroutines (all at once, on the host's side)
    until at least one of them has finished; the time counts as host time."""
    from monty._hostasync import wait_first
    cdef HostFuture fut
    cdef double t0
    futures = <list?>(<object>args[0])
    pending = []
    seen = set()
    for x in futures:
        fut = <HostFuture?>x
        if not fut.done and id(fut) not in seen:     # (one future awaited by several tasks)
            seen.add(id(fut))
            pending.append(fut)
    if not pending or any((<HostFuture>x).done for x in futures):
        return [(<HostFuture>x).done for x in futures]
    if vm.pause_mode:
        return None         # start() / run_async(): the host answers (asyncio pauses the VM)
    for x in pending:
        if (<HostFuture>x).coro is None and (<HostFuture>x).task is None:
            start_deferred(vm, <HostFuture>x)
    if any((<HostFuture>x).done for x in futures):
        return [(<HostFuture>x).done for x in futures]
    cdef long voluntary0 = -1, involuntary0
    monty_switches(&voluntary0, &involuntary0)
    t0 = host_clock()
    try:
        finished = wait_first([(f, (<HostFuture>f).coro, (<HostFuture>f).task) for f in pending],
                              _host_task_started)
    except (KeyboardInterrupt, SystemExit):
        vm.limit_kind = LIMIT_ABORT
        raise
    finally:
        if blocked_since(voluntary0):
            host_time(vm, t0, HOST_WAIT_FLOOR)
        else:
            # the loop never had to wait for the host (its coroutines only computed, or this
            # thread was preempted): nothing to credit
            host_time(vm, monty_now(), HOST_WAIT_FLOOR)
    for f, task in finished:
        settle_host_future(vm, <HostFuture>f, task)
    return [(<HostFuture>x).done for x in futures]


def _host_task_started(HostFuture fut, task):
    fut.task = task


cdef void drop_host_pending(VM vm):
    """At the end of a run: host coroutines never awaited are closed, started ones cancelled."""
    cdef HostFuture fut
    if not vm.host_pending:
        return
    pending = vm.host_pending
    vm.host_pending = []
    for x in pending:
        fut = <HostFuture>x
        if fut.done:
            continue
        try:
            if fut.task is not None:
                fut.task.cancel()
            elif fut.coro is not None and hasattr(fut.coro, "close"):
                fut.coro.close()
        except Exception:
            pass
        fut.coro = fut.task = None
        fut.done = True
        fut._error = _NOT_AWAITED      # (a million dropped calls must not cost a million errors)


cdef object b_is_host_future(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    return type(<object>args[0]) is HostFuture


cdef object internal(VM vm, str module, str name):
    """A private name of an internal (sandbox-source) module, importing it first."""
    import_name(vm, module, 1)
    return vm.get_global(module + "." + name)


cdef object agen_method(Generator gen, str name, tuple args):
    """agen.asend(v) / agen.athrow(e) / agen.aclose(): the awaitable that steps it."""
    cdef VM vm = gen.vm
    if name == "asend":
        if len(args) != 1:
            raise TypeError(f"asend() takes exactly one argument ({len(args)} given)")
        return vm.call_nested(internal(vm, "asyncio", "_agen_step"), (gen, args[0], None), None)
    if name == "athrow":
        if not 1 <= len(args) <= 3:
            raise TypeError(f"athrow expected at least 1 argument, got {len(args)}")
        exc = args[0]
        if len(args) > 1 and args[1] is not None:
            exc = args[1]
        exc = make_exception(exc)
        return vm.call_nested(internal(vm, "asyncio", "_agen_step"), (gen, None, exc), None)
    if args:
        raise TypeError(f"aclose() takes no arguments ({len(args)} given)")
    return vm.call_nested(internal(vm, "asyncio", "_agen_close"), (gen,), None)


cdef int op_get_awaitable(VM vm, PyObject** sp) except -1:
    """GET_AWAITABLE: [value] -> [the iterator `await` delegates to]."""
    obj = <object>sp[-1]
    t = type(obj)
    if t is Coroutine:
        if (<Generator>obj).state == GEN_FINISHED:
            raise RuntimeError("cannot reuse already awaited coroutine")
        return 0
    if t is HostFuture:
        return 0
    if t is Generator and (<Generator>obj).code.flags & CO_ITERABLE_COROUTINE:
        return 0
    meth = lookup_special(obj, "__await__")
    if meth is None:
        raise TypeError(f"object {type_name(obj)} can't be used in 'await' expression")
    it = vm.call_nested(meth, (), None)
    if type(it) is Coroutine:
        raise TypeError("__await__() returned a coroutine")
    if type(it) is CoroWrapper:
        it = (<CoroWrapper>it).coro
    if not (isinstance(it, SandboxIter) or
            (is_sandbox_type(type(it)) and lookup_special(it, "__next__") is not None)):
        raise TypeError(f"__await__() returned non-iterator of type '{type_name(it)}'")
    INCREF(<PyObject*>it)
    sp[-1] = <PyObject*>it
    DECREF(<PyObject*>obj)
    return 0


cdef int op_before_async_with(PyObject** sp) except -1:
    """[manager] -> [bound __aexit__, bound __aenter__]; a CALL 0 and an await follow."""
    mgr = <object>sp[-1]
    enter = lookup_special(mgr, "__aenter__")
    if enter is None:
        raise TypeError(f"'{type_name(mgr)}' object does not support the asynchronous context "
                        f"manager protocol")
    exit_ = lookup_special(mgr, "__aexit__")
    if exit_ is None:
        raise TypeError(f"'{type_name(mgr)}' object does not support the asynchronous context "
                        f"manager protocol (missed __aexit__ method)")
    INCREF(<PyObject*>exit_)
    INCREF(<PyObject*>enter)
    DECREF(sp[-1])
    sp[-1] = <PyObject*>exit_
    sp[0] = <PyObject*>enter
    return 0


cdef object async_iter(VM vm, object obj, bint for_loop):
    if type(obj) is AsyncGenerator:
        return obj
    meth = lookup_special(obj, "__aiter__")
    if meth is None:
        if for_loop:
            raise TypeError(f"'async for' requires an object with __aiter__ method, got "
                            f"{type_name(obj)}")
        raise TypeError(f"'{type_name(obj)}' object is not an async iterable")
    it = vm.call_nested(meth, (), None)
    if type(it) is not AsyncGenerator and lookup_special(it, "__anext__") is None:
        if for_loop:
            raise TypeError(f"'async for' received an object from __aiter__ that does not "
                            f"implement __anext__: {type_name(it)}")
        raise TypeError(f"aiter() returned not an async iterator of type '{type_name(it)}'")
    return it


cdef object async_next(VM vm, object it, bint for_loop):
    if type(it) is AsyncGenerator:
        return vm.call_nested(internal(vm, "asyncio", "_agen_step"), (it, None, None), None)
    meth = lookup_special(it, "__anext__")
    if meth is None:
        if for_loop:
            raise TypeError(f"'async for' requires an iterator with __anext__ method, got "
                            f"{type_name(it)}")
        raise TypeError(f"'{type_name(it)}' object is not an async iterator")
    return vm.call_nested(meth, (), None)


cdef object b_aiter_loop(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    return async_iter(vm, <object>args[0], True)


cdef object b_anext_loop(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    return async_next(vm, <object>args[0], True)


cdef object b_aiter(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    if kwnames != NULL:
        raise TypeError("aiter() takes no keyword arguments")
    if npos != 1:
        raise TypeError(f"aiter expected 1 argument, got {npos}")
    return async_iter(vm, <object>args[0], False)


cdef object b_anext(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    if kwnames != NULL:
        raise TypeError("anext() takes no keyword arguments")
    if not 1 <= npos <= 2:
        raise TypeError(f"anext expected at least 1 argument, got {npos}" if npos < 1
                        else f"anext expected at most 2 arguments, got {npos}")
    it = <object>args[0]
    if type(it) is not AsyncGenerator and lookup_special(it, "__anext__") is None:
        raise TypeError(f"'{type_name(it)}' object is not an async iterator")
    aw = async_next(vm, it, False)
    if npos == 1:
        return aw
    return vm.call_nested(internal(vm, "asyncio", "_anext_default"), (aw, <object>args[1]), None)


cdef object b_agen_value(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    cdef AsyncGenValue v = AsyncGenValue.__new__(AsyncGenValue)
    v.value = <object>args[0]
    return v


cdef object b_agen_unwrap(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.agen_unwrap(y, marker): the value an async generator yielded, or marker."""
    y = <object>args[0]
    if type(y) is AsyncGenValue:
        return (<AsyncGenValue>y).value
    return <object>args[1]


cdef object b_iscoroutine(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.iscoroutine(x): whether `x` is something asyncio may wrap in a task."""
    x = <object>args[0]
    t = type(x)
    return t is Coroutine or (
        t is Generator and bool((<Generator>x).code.flags & CO_ITERABLE_COROUTINE))


cdef object b_isawaitable(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    x = <object>args[0]
    return (bool(b_iscoroutine(vm, args, npos, kwnames)) or type(x) is HostFuture
            or lookup_special(x, "__await__") is not None)


cdef object b_gen_method(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    """.gen_method(gen, name): gen.send / gen.throw of any generator kind (the async
    generator's own, for asyncio's stepping of it)."""
    return gen_method(<Generator?>(<object>args[0]), <str?>(<object>args[1]))


cdef object b_iscoroutinefunction(VM vm, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    x = <object>args[0]
    if type(x) is BoundMethod:
        x = (<BoundMethod>x).func
    if type(x) is Function:
        return bool((<Function>x).code.flags & CO_COROUTINE)
    return type(x) is HostFunction and (<HostFunction>x).is_async


cdef int throw_target_ok(object d):
    return isinstance(d, Generator) and (<Generator>d).state == GEN_SUSPENDED


cdef int gen_push_throw(VM vm, Generator gen, int entry, int resume) except -1:
    """Push `gen`'s frame to receive a thrown exception (raised by the caller once pushed).
    A generator suspended in `await`/`yield from` on a suspended generator passes the
    exception on, like CPython: its frame is pushed back at the SEND, then the delegate's
    above it, down to the innermost one, where the exception is raised."""
    delegate = None
    if yield_from_target(gen) >= 0:
        delegate = gen.saved[len(gen.saved) - 1]
        if not throw_target_ok(delegate):
            delegate = None
    if delegate is None:
        return gen_push_frame(vm, gen, None, entry, resume)
    gen_push_frame(vm, gen, None, entry, resume, 1)
    return gen_push_throw(vm, <Generator>delegate, 0, RESUME_SEND)


_VM_BUILTINS.update({
    "aiter": make_builtin("aiter", b_aiter),
    "anext": make_builtin("anext", b_anext),
    ".aiter": make_builtin("aiter", b_aiter_loop),
    ".anext": make_builtin("anext", b_anext_loop),
    ".agen_value": make_builtin("agen_value", b_agen_value),
    ".agen_unwrap": make_builtin("agen_unwrap", b_agen_unwrap),
    ".iscoroutine": make_builtin("iscoroutine", b_iscoroutine),
    ".isawaitable": make_builtin("isawaitable", b_isawaitable),
    ".gen_method": make_builtin("gen_method", b_gen_method),
    ".iscoroutinefunction": make_builtin("iscoroutinefunction", b_iscoroutinefunction),
    ".host_wait": make_builtin("host_wait", b_host_wait),
    ".is_host_future": make_builtin("is_host_future", b_is_host_future),
    ".StopAsyncIteration": StopAsyncIteration,
})


def build_internal_module(VM vm, str name, str source, str prefix, list exports, dict extra):
    """The exports of a module written in sandbox Python: its code linked to this VM (so
    snapshots hold it) and run once; its globals live under `prefix`."""
    from monty._shared import code_cache as _code_cache
    code = vm.link(_code_cache.get(source, internal=(f"<{name}>", prefix)))
    vm.run_nested_module(code)
    attrs = {n: vm.get_global(prefix + n) for n in exports}
    attrs.update(extra)
    return attrs
