# Pausing at host calls (start() mode), resuming, and the VM's state as plain data for
# snapshots. The encoding, versioning and validation live in monty/snapshot.py; this file
# only moves values between the VM's C structures and Python lists.
#
# Offers: pause_host, pause_host_values, finish_run, abandon_pause (the loop's side of a pause);
# vm_export / vm_import and the def accessors snapshot.py reads and rebuilds values with.

Paused = PAUSED
NullSlot = UNBOUND                  # an empty stack slot, unbound global or empty cell


cdef int pause_host(VM vm, HostFunction hf, PyObject** args, Py_ssize_t npos,
                    PyObject* kwnames) except -1:
    cdef Py_ssize_t i
    positional = tuple([<object>args[i] for i in range(npos)])
    kwargs = {}
    if kwnames != NULL:
        for i, name in enumerate(<tuple>kwnames):
            kwargs[name] = <object>args[npos + i]
    return pause_host_values(vm, hf, positional, kwargs)


cdef int pause_host_values(VM vm, HostFunction hf, tuple args, dict kwargs) except -1:
    """Record the host call the VM is about to pause at (raises in the sandbox if it cannot):
    1, or 0 when the call does not pause (an async host function's call gives a future that
    is answered later; under run_async() a sync one is called directly)."""
    if hf is _HOST_PAUSE:
        return pause_wait(vm, args)
    if hf.is_async or vm.async_mode:
        return 0
    if vm.nest > 0:
        raise RuntimeError(f"host function '{hf.name}' cannot be paused inside a callback run by "
                           f"native code (a key function, map() or filter() callback run from C)")
    if hf.func is not None and getattr(hf.func, "monty_removed", False):
        raise RuntimeError(f"host function '{hf.name}' was removed from this sandbox")
    count_host_call(vm)
    if vm.wall_deadline:
        check_time(vm)      # (max_wall_time: the host's time between resumes counts too)
    try:
        host_args = tuple([export_value(a, None, 0) for a in args])
        host_kwargs = {k: export_value(v, None, 0) for k, v in kwargs.items()}
    except MontyTypeError as e:
        raise TypeError(f"{hf.name}(): {e}") from None
    vm.call_seq += 1
    vm.pending_call = (hf.name, host_args, host_kwargs, vm.call_seq)
    vm.pending_async = False
    vm.pause_kind = PAUSE_CALL
    return 1


cdef object finish_run(VM vm, object result):
    """After run_frames: keep the frames of a pause (callers' saved tops cut at the callee)."""
    cdef int i
    if result is PAUSED:
        vm.paused = True
        for i in range(vm.depth - 1):
            # a generator frame sits above its caller's region: the caller's saved top stands
            if vm.frames[i + 1].gen == NULL:
                vm.frames[i].sp = vm.frames[i + 1].ret
    return result


cdef void abandon_pause(VM vm):
    """Drop a paused program (a new run()/start() on the same sandbox)."""
    while vm.depth > 0:
        vm.depth -= 1
        vm.discard_frame(&vm.frames[vm.depth])
    vm.paused = False
    vm.pending_call = None
    vm.pause_kind = PAUSE_CALL
    vm.pending_exc = None
    vm.handled = None


def vm_pending_call(VM vm):
    return vm.pending_call if vm.paused else None


def vm_host_abort(VM vm):
    """Whether the last run ended because the host raised (KeyboardInterrupt...), not sandbox
    code."""
    return vm.host_aborted


def vm_running(VM vm):
    """Whether sandbox code of this VM is running now (for host-side checks and tests)."""
    return vm.running


def instance_dict(obj):
    """An object's own __dict__ read at the C level (no __getattribute__, no class attribute
    named __dict__), or None."""
    return own_dict(obj)


def vm_abandon(VM vm):
    if vm.paused and not vm.running:
        abandon_pause(vm)


def vm_resume(VM vm, value, exc):
    """Continue a paused VM: `value` is the host call's result, or `exc` (a sandbox exception)
    is raised at the call site."""
    cdef Frame* f
    cdef VM saved
    if not vm.paused or vm.running or vm.depth == 0:
        raise RuntimeError("this sandbox is not paused")
    f = &vm.frames[vm.depth - 1]
    if f.sp >= f.limit:
        raise RuntimeError("corrupt paused state")
    vm.paused = False
    vm.error_report = None
    if vm.pause_kind == PAUSE_SLICE:
        value = NOTHING
    vm.pause_kind = PAUSE_CALL
    if vm.pending_async:
        # an async host function: the call's value is a future of what the host gave
        value = make_host_future(vm.pending_call[0], value if exc is None else None, exc)
        exc = None
        vm.pending_async = False
    vm.pending_call = None
    if exc is not None:
        vm.pending_exc = exc
    elif value is not NOTHING:
        INCREF(<PyObject*>value)
        vm.stack[f.sp] = <PyObject*>value
        f.sp += 1
    saved = cur_vm()
    vm.running = True
    set_cur_vm(vm)
    try:
        result = finish_run(vm, run_frames(vm))
        if result is not PAUSED:
            result = export_value(result, None, 0)
        return result
    except BaseException as e:
        limit_error(vm, e)
        remember_error(vm, e)
        raise
    finally:
        vm.running = False
        vm.pending_exc = None
        if not vm.paused:
            vm.handled = None
        set_cur_vm(saved)
        vm.host_aborted = vm.limit_kind == LIMIT_ABORT
        vm.limit_kind = LIMIT_NONE
        gc_exit(vm)


def vm_export(VM vm):
    """The paused state as Python values: frames as (code, func, pc, base, ret, sp, is_gen,
    resume, instance) tuples, the data stack below the top frame's sp, the globals (NullSlot
    for NULL), the slot names, the exception being handled, the linked module codes and the
    imported sandbox modules."""
    cdef int i, j, top, lo
    cdef Frame* f
    cdef PyObject* p
    cdef PyObject** items
    if not vm.paused or vm.depth == 0:
        raise RuntimeError("this sandbox is not paused")
    frames = []
    for i in range(vm.depth):
        f = &vm.frames[i]
        # the snapshot's one `instance` column holds whichever of the three a frame has
        if f.gen != NULL and f.resume == RESUME_CALL:
            # next(gen, default): the default as a 1-tuple (None: no default)
            inst = (<object>f.next_default,) if f.next_default != NULL else None
        elif f.drain != NULL:
            inst = <object>f.drain
        else:
            inst = <object>f.init_self if f.init_self != NULL else None
        frames.append((<object>f.code, <object>f.func if f.func != NULL else None,
                       f.pc, f.base, f.ret, f.sp, f.gen != NULL,
                       f.resume if f.gen != NULL else f.proto, inst))
    top = vm.frames[vm.depth - 1].sp
    stack = [UNBOUND] * top
    lo = 0
    for j in range(vm.depth):
        f = &vm.frames[j]
        # a generator frame starts at its caller's region top: the slots between the
        # caller's sp and it were never written
        if j > 0 and f.gen != NULL:
            lo = f.ret
        for i in range(lo, f.sp):
            p = vm.stack[i]
            if p != NULL:
                stack[i] = <object>p
        lo = f.sp
    gl = [None] * len(vm.gvals)
    items = (<PyListObject*>vm.gvals).ob_item
    for i in range(len(vm.gvals)):
        p = items[i]
        gl[i] = <object>p if p != NULL else UNBOUND
    return {"frames": frames, "stack": stack, "globals": gl, "slot_names": list(vm.slot_names),
            "handled": vm.handled, "pending_call": vm.pending_call,
            "modules": list(vm.linked.values()), "imported": dict(vm.modules)}


def vm_prepare_slots(VM vm, list names):
    """A fresh VM's global slots, numbered like the dumped VM's (before linking)."""
    if vm.slot_names:
        raise RuntimeError("slots already assigned")
    for name in names:
        vm.slot_of(name)
    vm.grow_globals(len(vm.slot_names))


cdef bint runs_class_body(Code code):
    """Class body code: it reads its namespace from fast slot 0."""
    cdef int i, op
    for i in range(code.ninstrs):
        op = code.instrs[i * 3]
        if op == OP_LOAD_NAME or op == OP_STORE_NAME or op == OP_DELETE_NAME:
            return True
    return False


def vm_import(VM vm, list frames, list stack, list gl, handled, tuple pending_call):
    """Install a validated paused state (monty/snapshot.py checks every invariant; the
    structural ones that guard memory are checked again here)."""
    cdef int i, j, n, top, prev_limit, prev_base, prev_sp, ppc
    cdef Frame* f
    cdef Code code, pcode
    cdef Generator g
    cdef PyObject** items
    if vm.depth or vm.running or vm.paused:
        raise RuntimeError("the sandbox is busy")
    vm.ensure_stack()
    n = len(frames)
    if n == 0 or n > vm.host_max_depth:
        raise ValueError("bad frame count")
    top = len(stack)
    if top >= vm.stack_cap - 1:
        raise ValueError("stack too large")
    vm.grow_globals(len(vm.slot_names))
    if len(gl) > len(vm.gvals):
        raise ValueError("too many globals")
    # check the frame layout before touching anything
    prev_limit = 0
    prev_base = 0
    prev_sp = 0
    for i in range(n):
        code_o, func, pc, base, ret, sp, is_gen, resume, instance = frames[i]
        code = <Code?>code_o
        if i == 0:
            if (base != -1 or ret != 0 or not (code.flags & CO_MODULE) or func is not None
                    or is_gen or instance is not None or resume != 0):
                raise ValueError("bad module frame")
        else:
            if type(func) is not Function or (<Function>func).code is not code or code.flags & CO_MODULE:
                raise ValueError("bad function frame")
            if bool(code.flags & CO_GENERATOR) != bool(is_gen):
                raise ValueError("generator code runs only in a generator frame")
            if is_gen:
                # a generator frame sits at its caller's region top, above the caller's sp
                if ret != prev_limit or base != ret + 1 or ret >= len(stack):
                    raise ValueError("bad generator frame layout")
                if not isinstance(stack[ret], Generator):
                    raise ValueError("a generator frame's slot does not hold a generator")
                g = <Generator>stack[ret]
                if g.code is not code or g.func is not func or g.state != GEN_RUNNING:
                    raise ValueError("bad generator frame")
                if resume == RESUME_DRAIN:
                    if type(instance) is not list:
                        raise ValueError("bad generator drain list")
                elif resume == RESUME_SEND:
                    # the delegate of the frame below, paused at its await / yield from
                    pcode = <Code>frames[i - 1][0]
                    ppc = frames[i - 1][2]
                    if (instance is not None or not 1 <= ppc < pcode.ninstrs
                            or pcode.instrs[ppc * 3] != OP_YIELD_VALUE
                            or pcode.instrs[(ppc - 1) * 3] != OP_SEND
                            or prev_sp < 1 or stack[prev_sp - 1] is not g):
                        raise ValueError("bad delegate frame")
                elif resume == RESUME_CALL:
                    # (`instance`: (default,) of next(gen, default), or None)
                    pcode = <Code>frames[i - 1][0]
                    ppc = frames[i - 1][2]
                    if (not (instance is None or (type(instance) is tuple and len(instance) == 1))
                            or not 1 <= ppc <= pcode.ninstrs
                            or pcode.instrs[(ppc - 1) * 3] != OP_CALL):
                        raise ValueError("bad send() frame")
                elif resume != RESUME_FOR_ITER or instance is not None:
                    raise ValueError("bad generator frame resume kind")
                for j in range(prev_sp, ret):
                    if stack[j] is not UNBOUND:
                        raise ValueError("bad generator frame layout")
            else:
                if not (ret < base <= ret + 2) or ret >= prev_limit or ret < prev_base or ret != prev_sp:
                    raise ValueError("bad frame layout")
                if type(resume) is not int or not 0 <= resume < N_PROTOCOLS or instance is UNBOUND:
                    raise ValueError("bad function frame")
                if runs_class_body(code) and not (
                        resume == PROTO_CLASS_BODY and 0 <= base < len(stack)
                        and type(stack[base]) is dict):
                    raise ValueError("a frame runs a class body outside its class statement")
                if resume != 0:
                    # a protocol dunder's frame: the caller waits at an instruction it answers
                    pcode = <Code>frames[i - 1][0]
                    ppc = frames[i - 1][2]
                    if (instance is not None or not 1 <= ppc <= pcode.ninstrs
                            or pcode.instrs[(ppc - 1) * 3] not in _PROTOCOL_WAITS[resume]):
                        raise ValueError("bad protocol frame")
            for j in range(base + code.nlocals, base + code.nslots):
                if j >= len(stack) or type(stack[j]) is not Cell:
                    raise ValueError("a cell slot does not hold a cell")
        if not (0 <= pc <= code.ninstrs):
            raise ValueError("bad pc")
        stack_base = (ret + 1) if base < 0 else base + code.nslots
        limit = stack_base + code.stacksize + 2
        if not (stack_base <= sp < limit) or limit >= vm.stack_cap:
            raise ValueError("bad stack pointer")
        if i == n - 1 and sp != top:
            raise ValueError("bad stack size")
        prev_limit = limit
        prev_base = stack_base
        prev_sp = sp
    for i in range(top):
        v = stack[i]
        if v is UNBOUND:
            vm.stack[i] = NULL
        else:
            INCREF(<PyObject*>v)
            vm.stack[i] = <PyObject*>v
    items = (<PyListObject*>vm.gvals).ob_item
    for i in range(len(gl)):
        v = gl[i]
        XDECREF(items[i])
        if v is UNBOUND:
            items[i] = NULL
        else:
            INCREF(<PyObject*>v)
            items[i] = <PyObject*>v
    for i in range(n):
        code_o, func, pc, base, ret, sp, is_gen, resume, instance = frames[i]
        code = <Code>code_o
        vm.push_frame(code, func, ret, base, 1 if i == 0 else 0)
        f = &vm.frames[vm.depth - 1]
        f.pc = pc
        f.sp = sp
        if is_gen:
            f.gen = vm.stack[ret]
            f.resume = resume
            if resume == RESUME_CALL and instance is not None:
                instance = instance[0]
                INCREF(<PyObject*>instance)
                f.next_default = <PyObject*>instance
                continue
        else:
            f.proto = resume
        if instance is not None:
            INCREF(<PyObject*>instance)
            if is_gen:
                f.drain = <PyObject*>instance      # (the verifier: only a draining frame has one)
            else:
                f.init_self = <PyObject*>instance
    vm.handled = handled
    vm.pending_call = pending_call
    vm.paused = True


# ------------------------------------------------------------------ generators, classes, modules

GEN_STATES = (GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_FINISHED)
RESUME_KINDS = (RESUME_ENTRY, RESUME_FOR_ITER, RESUME_DRAIN, RESUME_SEND, RESUME_CALL)
from monty.opcodes import PROTOCOLS as _PROTOCOL_ROWS
cdef list _PROTOCOL_WAITS = [frozenset(row.waits) for row in _PROTOCOL_ROWS]


def make_host_future_value(str name, value, error):
    return make_host_future(name, value, error)


def make_coro_wrapper(Generator coro):
    cdef CoroWrapper w = CoroWrapper.__new__(CoroWrapper)
    w.coro = coro
    return w


def make_gen_method(Generator gen, str name):
    return gen_method(gen, name)


def make_agen_value(value):
    cdef AsyncGenValue v = AsyncGenValue.__new__(AsyncGenValue)
    v.value = value
    return v


def generator_state(Generator g):
    return (g.code, g.func, g.saved, g.pc, g.nstack, g.state, g.handled, g.outer_handled,
            g.name, g.qualname)


def make_generator_shell(VM vm, int flags=0):
    cdef Generator g
    if flags & CO_COROUTINE:
        g = Coroutine.__new__(Coroutine)
    elif flags & CO_ASYNC_GENERATOR:
        g = AsyncGenerator.__new__(AsyncGenerator)
    else:
        g = Generator.__new__(Generator)
    g.vm = vm
    g.state = GEN_FINISHED
    g.name = g.qualname = "<generator>"
    return g


def generator_set(Generator g, Code code, Function func, saved, int pc, int nstack, int state,
                  handled, outer_handled, str name, str qualname):
    """Fill a generator shell; the layout is checked (its slots' kinds by the caller)."""
    if func.code is not code or not (code.flags & CO_GENERATOR) or code.flags & CO_MODULE:
        raise ValueError("bad generator code")
    if (type(g) is Coroutine) != bool(code.flags & CO_COROUTINE) or (
            type(g) is AsyncGenerator) != bool(code.flags & CO_ASYNC_GENERATOR):
        raise ValueError("bad generator kind")
    if state == GEN_CREATED or state == GEN_SUSPENDED:
        if (type(saved) is not list or not (0 <= nstack <= code.stacksize)
                or len(saved) != code.nslots + nstack or not (0 <= pc <= code.ninstrs)):
            raise ValueError("bad generator slots")
        if state == GEN_CREATED and (pc != 0 or nstack != 0):
            raise ValueError("bad new generator")
    elif state == GEN_RUNNING or state == GEN_FINISHED:
        if saved is not None:
            raise ValueError("bad generator slots")
        nstack = 0
    else:
        raise ValueError("bad generator state")
    for h in (handled, outer_handled):
        if h is not None and not isinstance(h, BaseException):
            raise ValueError("bad generator handled exception")
    g.code = code
    g.func = func
    g.saved = saved
    g.pc = pc
    g.nstack = nstack
    g.state = state
    g.handled = handled
    g.outer_handled = outer_handled if state == GEN_RUNNING else None
    g.name = name
    g.qualname = qualname


def register_class(cls):
    _sandbox_classes.add(cls)


def is_registered_class(obj):
    """A class sandbox code created (or one rebuilt from a snapshot)."""
    return isinstance(obj, type) and is_sandbox_type(obj)


def vm_import_module(VM vm, str name):
    """The VM's sandbox module `name`, imported (built) on first use; None if unknown."""
    try:
        return import_name(vm, name, 1)
    except ImportError:
        return None


# ------------------------------------------------------------------ value constructors

def cell_contents(Cell c):
    return c.contents


def make_cell(contents):
    cdef Cell c = Cell.__new__(Cell)
    c.contents = contents
    return c


def make_function_value(VM vm, Code code, defaults, kwdefaults, closure, str name, str qualname):
    cdef Function fn = Function.__new__(Function)
    fn.code = code
    fn.defaults = defaults
    fn.kwdefaults = kwdefaults
    fn.closure = closure
    fn.name = name
    fn.qualname = qualname
    fn.vm = vm
    return fn


def function_state(Function fn):
    return fn.code, fn.defaults, fn.kwdefaults, fn.closure, fn.name, fn.qualname


def function_attrs(Function fn):
    """The attributes sandbox code set on `fn` (a dict), or None."""
    return fn.attrs if fn.attrs else None


def set_function_attrs(Function fn, dict attrs):
    fn.attrs = attrs


def function_meta(Function fn):
    """__doc__/__annotations__/__module__ set on `fn` (a dict), or None."""
    return fn.meta if fn.meta else None


def set_function_meta(Function fn, dict meta):
    fn.meta = meta


def iter_state(SandboxIter it):
    """(kind, fields) of a sandbox iterator; ForeignIter cannot be snapshotted."""
    t = type(it)
    if t is ListIter:
        return "ListIter", ((<ListIter>it).seq, (<ListIter>it).index)
    if t is SeqIter:
        return "SeqIter", ((<SeqIter>it).seq, (<SeqIter>it).index)
    if t is RangeIter:
        return "RangeIter", ((<RangeIter>it).current, (<RangeIter>it).step, (<RangeIter>it).remaining)
    if t is BigRangeIter:
        return "BigRangeIter", ((<BigRangeIter>it).current, (<BigRangeIter>it).step,
                                (<BigRangeIter>it).remaining)
    if t is DictIter:
        return "DictIter", ((<DictIter>it).mapping, (<DictIter>it).kind, (<DictIter>it).count,
                            (<DictIter>it).size)
    if t is SetIter:
        return "SetIter", ((<SetIter>it).items, (<SetIter>it).source, (<SetIter>it).index,
                           (<SetIter>it).size)
    if t is ReversedIter:
        return "ReversedIter", ((<ReversedIter>it).seq, (<ReversedIter>it).index)
    if t is EnumerateIter:
        return "EnumerateIter", ((<EnumerateIter>it).it, (<EnumerateIter>it).count)
    if t is ZipIter:
        return "ZipIter", ((<ZipIter>it).iters, (<ZipIter>it).strict)
    if t is MapIter:
        return "MapIter", ((<MapIter>it).func, (<MapIter>it).iters)
    if t is FilterIter:
        return "FilterIter", ((<FilterIter>it).func, (<FilterIter>it).it)
    return None, None


def make_iter(str kind, tuple fields):
    """Rebuild a sandbox iterator; every field is type- and range-checked (ValueError/TypeError)."""
    if kind == "ListIter":
        seq, index = fields
        if type(seq) is not list and type(seq) is not tuple:
            raise TypeError("ListIter over a non-list")
        it = ListIter.__new__(ListIter)
        (<ListIter>it).seq = seq
        (<ListIter>it).index = _index(index)
        return it
    if kind == "SeqIter":
        seq, index = fields
        if type(seq) is not str and type(seq) is not bytes:
            raise TypeError("SeqIter over a non-string")
        it = SeqIter.__new__(SeqIter)
        (<SeqIter>it).seq = seq
        (<SeqIter>it).index = _index(index)
        return it
    if kind == "RangeIter":
        current, step, remaining = fields
        if type(current) is not int or type(step) is not int:
            raise TypeError("bad RangeIter")
        remaining = _index(remaining)
        _ = <long long>(current + step * remaining)     # OverflowError when out of range
        it = RangeIter.__new__(RangeIter)
        (<RangeIter>it).current = current
        (<RangeIter>it).step = step
        (<RangeIter>it).remaining = remaining
        return it
    if kind == "BigRangeIter":
        current, step, remaining = fields
        if type(current) is not int or type(step) is not int or type(remaining) is not int:
            raise TypeError("bad BigRangeIter")
        it = BigRangeIter.__new__(BigRangeIter)
        (<BigRangeIter>it).current = current
        (<BigRangeIter>it).step = step
        (<BigRangeIter>it).remaining = remaining
        return it
    if kind == "DictIter":
        mapping, dkind, count, size = fields
        if type(mapping) is not dict or dkind not in (0, 1, 2):
            raise TypeError("bad DictIter")
        count = _index(count)
        size = _index_or_minus(size)
        it = DictIter.__new__(DictIter)
        (<DictIter>it).mapping = mapping
        (<DictIter>it).kind = dkind
        (<DictIter>it).size = size
        (<DictIter>it).count = 0
        return it
    if kind == "SetIter":
        items, source, index, size = fields
        if type(items) is not list or (type(source) is not set and type(source) is not frozenset):
            raise TypeError("bad SetIter")
        it = SetIter.__new__(SetIter)
        (<SetIter>it).items = items
        (<SetIter>it).source = source
        (<SetIter>it).index = _index(index)
        (<SetIter>it).size = _index_or_minus(size)
        return it
    if kind == "ReversedIter":
        seq, index = fields
        if type(seq) not in (list, tuple, str, bytes) or type(index) is not int:
            raise TypeError("bad ReversedIter")
        it = ReversedIter.__new__(ReversedIter)
        (<ReversedIter>it).seq = seq
        (<ReversedIter>it).index = max(-1, min(index, len(seq)))
        return it
    if kind == "EnumerateIter":
        inner, count = fields
        if not isinstance(inner, SandboxIter) or type(count) is not int:
            raise TypeError("bad EnumerateIter")
        it = EnumerateIter.__new__(EnumerateIter)
        (<EnumerateIter>it).it = inner
        (<EnumerateIter>it).count = count
        return it
    if kind == "ZipIter":
        iters, strict = fields
        if type(iters) is not tuple or not all(isinstance(x, SandboxIter) for x in iters):
            raise TypeError("bad ZipIter")
        it = ZipIter.__new__(ZipIter)
        (<ZipIter>it).iters = iters
        (<ZipIter>it).strict = bool(strict)
        return it
    if kind == "MapIter":
        func, iters = fields
        if type(iters) is not tuple or not all(isinstance(x, SandboxIter) for x in iters):
            raise TypeError("bad MapIter")
        it = MapIter.__new__(MapIter)
        (<MapIter>it).func = func
        (<MapIter>it).iters = iters
        return it
    if kind == "FilterIter":
        func, inner = fields
        if not isinstance(inner, SandboxIter):
            raise TypeError("bad FilterIter")
        it = FilterIter.__new__(FilterIter)
        (<FilterIter>it).func = func
        (<FilterIter>it).it = inner
        return it
    raise ValueError(f"unknown iterator kind {kind!r}")


cdef Py_ssize_t _index(object v) except -1:
    if type(v) is not int or v < 0 or v > (1 << 62):
        raise ValueError("bad iterator position")
    return v


cdef Py_ssize_t _index_or_minus(object v) except -2:
    if type(v) is not int or v < -1 or v > (1 << 62):
        raise ValueError("bad iterator size")
    return v


def is_sandbox_iter(obj):
    return isinstance(obj, SandboxIter)


def method_entry_owner():
    """id(entry) -> (type, name) for what LOAD_METHOD can leave on the stack."""
    out = {}
    for tp, d in _policy.METHODS.items():
        for name, e in d.items():
            out[id(e)] = (tp, name, e)
    for (tp, name), e in _VM_METHODS.items():
        out[id(e)] = (tp, name, e)
    return out


def method_entry(tp, str name):
    """What LOAD_METHOD finds for `name` on a `tp` receiver (the same object every time)."""
    fn = _policy.lookup_method(tp, name)
    if fn is not None and (tp, name) in _VM_METHODS:
        fn = _VM_METHODS[(tp, name)]
    return fn


def sandbox_getattr(obj, str name):
    return get_attribute(obj, name)


# ------------------------------------------------------------------ fast item coding

def encode_items(object seq, object ref):
    """[item or ref(item)] for a sequence: plain leaves inline, the rest through `ref`."""
    cdef list out = list(seq)
    cdef Py_ssize_t i, n = len(out)
    for i in range(n):
        x = out[i]
        t = type(x)
        if t is str or t is float or x is None or t is bool or t is bytes:
            continue
        if t is int and -(1 << 63) <= x < (1 << 64):
            continue
        out[i] = ref(x)
    return out


def decode_items(object items, object resolve):
    """Inverse of encode_items: an encoded ref is a one-item list [index] (or [-1]: NULL)."""
    if type(items) is not list:
        raise TypeError("expected an array")
    cdef list out = list(<list>items)
    cdef Py_ssize_t i, n = len(out)
    for i in range(n):
        x = out[i]
        if type(x) is list:
            out[i] = resolve(x)
        elif type(x) is dict:
            raise TypeError("unexpected map in an item list")
    return out


def dict_iter_seek(DictIter it, count):
    """Advance a rebuilt DictIter by `count` entries (positions are not portable, counts are);
    run once its dict is filled."""
    cdef PyObject* key
    cdef PyObject* value
    cdef Py_ssize_t k, n = _index(count)
    if it.count != 0 or it.pos != 0:
        raise ValueError("DictIter already positioned")
    if n > len(it.mapping):
        raise ValueError("DictIter position past the end")
    for k in range(n):
        PyDict_Next(it.mapping, &it.pos, &key, &value)
    it.count = n


def dict_iter_count(DictIter it):
    return it.count


def host_exception_value(e):
    """resume_error(): the host's exception as a fresh sandbox exception."""
    return host_exception(e)


def opaque_type(str name):
    opaque = _opaque_types.get(name)
    if opaque is None:
        opaque = _opaque_types[name] = _policy.OpaqueType(name)
    return opaque


def cell_set(Cell c, contents):
    c.contents = contents


def view_mapping(view):
    return view_dict(view)


SANDBOX_ITER_TYPES = (ListIter, SeqIter, RangeIter, BigRangeIter, DictIter, SetIter, ReversedIter,
                      EnumerateIter, ZipIter, MapIter, FilterIter, ForeignIter)
