# The host's side of async code and of live sessions:
# - futures under start() and run_async(): a call to an async host function gives a deferred
#   HostFuture (no host code runs yet); when every sandbox task awaits such futures, asyncio
#   calls the internal host function `.host_pause`, at which the VM pauses (PAUSE_WAIT) until
#   the host answers some of them (monty.Pending, monty.Sandbox.run_async);
# - run_async()'s time slices (PAUSE_SLICE, see check_limits and JUMP_BACKWARD);
# - the idle sandbox's globals as data (Sandbox.dump / Sandbox.load);
# - immutable stdlib values at the boundary (date/time/datetime/timedelta/timezone, Decimal,
#   Fraction, UUID), copied by exact-type rules.

cdef object NOTHING = object()          # vm_resume(): nothing to push (a slice pause)
PAUSE_KINDS = (PAUSE_CALL, PAUSE_WAIT, PAUSE_SLICE)

_HOST_PAUSE = HostFunction(".host_pause", None, False)
_VM_BUILTINS[".host_pause"] = _HOST_PAUSE


cdef int pause_wait(VM vm, tuple args) except -1:
    """asyncio found every task waiting on host futures: pause for the host's answers."""
    if vm.nest > 0:
        raise RuntimeError("async host calls cannot be awaited inside a callback run by native "
                           "code (a key function, map() or filter() callback run from C)")
    if len(args) != 1 or type(args[0]) is not list:
        raise TypeError("bad host wait")
    futures = <list>args[0]
    for x in futures:
        if type(x) is not HostFuture:
            raise TypeError("bad host wait")
    vm.pending_call = (".host_pause", futures)
    vm.pause_kind = PAUSE_WAIT
    return 1


cdef object deferred_host_future(VM vm, HostFunction hf, tuple args, dict kwargs):
    """An async host function called under start()/run_async(): its arguments, as host data,
    wait for the host to make the call once the sandbox awaits it."""
    try:
        host_args = tuple([export_value(a, None, 0) for a in args])
        host_kwargs = {k: export_value(v, None, 0) for k, v in kwargs.items()}
    except MontyTypeError as e:
        raise TypeError(f"{hf.name}(): {e}") from None
    cdef HostFuture fut = HostFuture.__new__(HostFuture)
    fut.name = hf.name
    fut.func = hf
    fut.done = False
    vm.call_seq += 1
    fut.call_id = vm.call_seq
    fut.call = (host_args, host_kwargs)
    return fut


cdef int start_deferred(VM vm, HostFuture fut) except -1:
    """run(): a deferred future (made by start() or run_async() earlier) is awaited now: its
    host coroutine is made and joins the others."""
    hf = fut.func
    if hf is None or hf.func is None or fut.call is None:
        fut.done = True
        fut._error = RuntimeError(f"host function '{fut.name}' has no implementation here")
        return 0
    args, kwargs = fut.call
    try:
        fut.coro = hf.func(*args, **kwargs)
    except (KeyboardInterrupt, SystemExit):
        vm.limit_kind = LIMIT_ABORT
        raise
    except BaseException as e:
        fut.done = True
        fut._error = host_exception(e)
        return 0
    fut.call = None
    vm.host_pending.append(fut)
    return 0


def future_info(HostFuture fut):
    """(name, args, kwargs, call_id) of a deferred future, or None once it is settled."""
    if fut.done or fut.call is None:
        return None
    return fut.name, fut.call[0], fut.call[1], fut.call_id


def future_func(HostFuture fut):
    """The host's callable behind a deferred future (None: name only)."""
    return fut.func.func if fut.func is not None else None


def future_settle(HostFuture fut, value, exc):
    """The host answered a deferred future: `value` (already copied in: sandbox data) or
    `exc` (a host exception, raised where the sandbox awaits it)."""
    if fut.done:
        raise RuntimeError("this host call was already answered")
    if exc is not None:
        fut.value = None
        fut._error = host_exception(exc)
    else:
        fut.value = value
        fut._error = None
    fut.done = True
    fut.call = None
    return None


def make_deferred_future(str name, HostFunction hf, tuple args, dict kwargs, long long call_id):
    """A deferred future from a snapshot (its arguments validated as plain data by the caller)."""
    cdef HostFuture fut = HostFuture.__new__(HostFuture)
    fut.name = name
    fut.func = hf
    fut.done = False
    fut.call_id = call_id
    fut.call = (args, kwargs)
    return fut


def vm_wait_result(VM vm):
    """The value `.host_pause(futures)` returns: which of them are done."""
    if not vm.paused or vm.pause_kind != PAUSE_WAIT:
        raise RuntimeError("the sandbox is not waiting on host futures")
    return [(<HostFuture>x).done for x in vm.pending_call[1]]


def vm_set_pending_wait(VM vm, list futures):
    """A loaded snapshot paused at `.host_pause(futures)`."""
    for x in futures:
        if type(x) is not HostFuture:
            raise TypeError("bad host wait")
    vm.pending_call = (".host_pause", futures)
    vm.pause_kind = PAUSE_WAIT


def vm_is_paused(VM vm):
    return vm.paused


# ------------------------------------------------------------------ the idle sandbox as data

def vm_idle_state(VM vm):
    """An idle VM's globals (NullSlot for unbound), slot names, linked module codes and
    imported modules."""
    cdef PyObject** items
    cdef PyObject* p
    if vm.running or vm.paused:
        raise RuntimeError("the sandbox is not idle")
    gl = [None] * len(vm.gvals)
    items = (<PyListObject*>vm.gvals).ob_item
    for i in range(len(vm.gvals)):
        p = items[i]
        gl[i] = <object>p if p != NULL else UNBOUND
    return {"globals": gl, "slot_names": list(vm.slot_names), "modules": list(vm.linked.values()),
            "imported": dict(vm.modules)}


def vm_set_globals(VM vm, list gl):
    """A loaded idle sandbox's globals (slots numbered by vm_prepare_slots)."""
    cdef PyObject** items
    if vm.running or vm.paused:
        raise RuntimeError("the sandbox is busy")
    vm.grow_globals(len(vm.slot_names))
    if len(gl) > len(vm.gvals):
        raise ValueError("too many globals")
    items = (<PyListObject*>vm.gvals).ob_item
    for i in range(len(gl)):
        v = gl[i]
        XDECREF(items[i])
        if v is UNBOUND:
            items[i] = NULL
        else:
            INCREF(<PyObject*>v)
            items[i] = <PyObject*>v


