# The host's side of async code and of live sessions:
# - futures under start() and run_async(): a call to an async host function gives a deferred
#   HostFuture (no host code runs yet); when every sandbox task awaits such futures, asyncio
#   calls the internal host function `.host_pause`, at which the VM pauses (PAUSE_WAIT) until
#   the host answers some of them (monty.Pending, monty.Sandbox.run_async);
# - run_async()'s time slices (PAUSE_SLICE, see check_limits and JUMP_BACKWARD);
# - the idle sandbox's globals as data (Sandbox.dump / Sandbox.load);
# - immutable stdlib values at the boundary (date/time/datetime/timedelta/timezone, Decimal,
#   Fraction, UUID), copied by exact-type rules.

import datetime as _std_dt
import decimal as _std_decimal
import fractions as _std_fractions
import uuid as _std_uuid

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


# ------------------------------------------------------------------ stdlib values at the boundary

cdef object _D_DATE = _std_dt.date
cdef object _D_TIME = _std_dt.time
cdef object _D_DATETIME = _std_dt.datetime
cdef object _D_DELTA = _std_dt.timedelta
cdef object _D_TZ = _std_dt.timezone
cdef object _DECIMAL = _std_decimal.Decimal
cdef object _FRACTION = _std_fractions.Fraction
cdef object _UUID = _std_uuid.UUID

# C-level readers (a subclass's own properties never answer for them)
cdef object _get = lambda tp, name: tp.__dict__[name].__get__
cdef object _dt_year = _get(_D_DATE, "year")
cdef object _dt_month = _get(_D_DATE, "month")
cdef object _dt_day = _get(_D_DATE, "day")
cdef object _tm_hour = _get(_D_TIME, "hour")
cdef object _tm_minute = _get(_D_TIME, "minute")
cdef object _tm_second = _get(_D_TIME, "second")
cdef object _tm_us = _get(_D_TIME, "microsecond")
cdef object _tm_tz = _get(_D_TIME, "tzinfo")
cdef object _tm_fold = _get(_D_TIME, "fold")
cdef object _dtm_hour = _get(_D_DATETIME, "hour")
cdef object _dtm_minute = _get(_D_DATETIME, "minute")
cdef object _dtm_second = _get(_D_DATETIME, "second")
cdef object _dtm_us = _get(_D_DATETIME, "microsecond")
cdef object _dtm_tz = _get(_D_DATETIME, "tzinfo")
cdef object _dtm_fold = _get(_D_DATETIME, "fold")
cdef object _td_days = _get(_D_DELTA, "days")
cdef object _td_seconds = _get(_D_DELTA, "seconds")
cdef object _td_us = _get(_D_DELTA, "microseconds")
cdef object _fr_num = _FRACTION.__dict__["_numerator"].__get__
cdef object _fr_den = _FRACTION.__dict__["_denominator"].__get__
cdef object _uuid_int = _UUID.__dict__["int"].__get__
cdef object _sandbox_fraction = None


cdef object sandbox_fraction_type():
    global _sandbox_fraction
    if _sandbox_fraction is None:
        from monty.modules import fractions as _mf
        _sandbox_fraction = _mf.Fraction
    return _sandbox_fraction


cdef inline bint _is_sub(object t, object base):
    """issubclass at the C level, for bases whose metaclass is not `type` (Fraction's)."""
    return PyType_IsSubtype(<PyObject*>t, <PyObject*>base) != 0


cdef object _copy_tz(object tz, bint into):
    """A tzinfo crossing: None or an exact datetime.timezone (final: no subclass exists) as it
    is; into the sandbox, another host tzinfo becomes the fixed offset it has at that moment
    (the caller passes its utcoffset); out of it, anything else is refused."""
    if tz is None or type(tz) is _D_TZ:
        return tz
    return NOTHING


cdef object stdlib_copy(object v, object t, bint into):
    """`v` (type `t`) as the exact immutable stdlib value the other side gets, or NOTHING when
    `t` is none of these types. Only C-level reads: a subclass's overrides never run."""
    cdef object tz
    if _is_sub(t, _D_DATE):
        if _is_sub(t, _D_DATETIME):
            tz = _copy_tz(_dtm_tz(v), into)
            if tz is NOTHING:
                if not into:
                    raise MontyTypeError("a datetime whose tzinfo is not a datetime.timezone "
                                         "cannot cross out of the sandbox")
                tz = _host_fixed_tz(_D_DATETIME.utcoffset(v), _D_DATETIME.tzname(v))
            if t is _D_DATETIME and tz is _dtm_tz(v):
                return v
            return _D_DATETIME(_dt_year(v), _dt_month(v), _dt_day(v), _dtm_hour(v),
                               _dtm_minute(v), _dtm_second(v), _dtm_us(v), tz,
                               fold=_dtm_fold(v))
        if t is _D_DATE:
            return v
        return _D_DATE(_dt_year(v), _dt_month(v), _dt_day(v))
    if _is_sub(t, _D_TIME):
        tz = _copy_tz(_tm_tz(v), into)
        if tz is NOTHING:
            if not into:
                raise MontyTypeError("a time whose tzinfo is not a datetime.timezone cannot "
                                     "cross out of the sandbox")
            tz = _host_fixed_tz(_D_TIME.utcoffset(v), _D_TIME.tzname(v))
        if t is _D_TIME and tz is _tm_tz(v):
            return v
        return _D_TIME(_tm_hour(v), _tm_minute(v), _tm_second(v), _tm_us(v), tz,
                       fold=_tm_fold(v))
    if _is_sub(t, _D_DELTA):
        if t is _D_DELTA:
            return v
        return _D_DELTA(_td_days(v), _td_seconds(v), _td_us(v))
    if t is _D_TZ:
        return v
    if _is_sub(t, _DECIMAL):
        if into:
            return _decimal_into(v if t is _DECIMAL else _DECIMAL(v))
        if t is _DECIMAL:
            return v
        return _DECIMAL(v)          # (C decimal: copies the number, calls nothing of `v`)
    if _is_sub(t, _FRACTION):
        num = _fr_num(v)
        den = _fr_den(v)
        if type(num) is not int or type(den) is not int or den <= 0:
            raise MontyTypeError("a malformed Fraction cannot cross the sandbox boundary")
        if into:
            cls = sandbox_fraction_type()
            if t is cls:
                return v
            out = object.__new__(cls)
        else:
            if t is _FRACTION:
                return v
            out = object.__new__(_FRACTION)
        _FRACTION.__dict__["_numerator"].__set__(out, num)
        _FRACTION.__dict__["_denominator"].__set__(out, den)
        return out
    if _is_sub(t, _UUID):
        if t is _UUID:
            return v
        n = _uuid_int(v)
        if type(n) is not int or not 0 <= n < (1 << 128):
            raise MontyTypeError("a malformed UUID cannot cross the sandbox boundary")
        return _UUID(int=n)
    return NOTHING


cdef object _decimal_into(object v):
    """A host Decimal enters as the sandbox decimal module's Decimal (its arithmetic runs in
    the sandbox's own bounded context, never the host thread's; its size is checked there).
    Without that module a Decimal cannot enter: its operations would read and flag the host's
    context, and int()/format() of a huge exponent would run unbounded."""
    _modules._discover()
    module = _sys.modules.get("monty.modules.decimal")
    convert = getattr(module, "from_host", None) if module is not None else None
    if convert is None:
        raise MontyTypeError("a Decimal cannot cross into the sandbox: this build has no "
                             "sandbox decimal module")
    return convert(v)


cdef object _host_fixed_tz(object offset, object name):
    """A host tzinfo's offset at one moment as a datetime.timezone (refused when it has none)."""
    if type(offset) is not _D_DELTA:
        raise MontyTypeError("a time zone without a fixed UTC offset cannot cross into the "
                             "sandbox")
    if type(name) is str:
        try:
            return _D_TZ(offset, name)
        except (TypeError, ValueError):
            pass
    return _D_TZ(offset)
