# The VM: frames over one data stack, the eval loop, calls, exceptions, limits.
#
# Offers: VM (frames, data stack, globals; push_frame, discard_frame, call_nested), run_frames
# (the eval loop), bind_and_push (arguments into a callee's frame), binary_op / BINOP_FUNCS and the
# other instruction helpers (make_function, build_map, unpack_into, format_value, import_name...),
# raise_raw, sandbox_exception, add_traceback, check_limits, and the loop's inline idioms
# (load_frame, reload_frame, push_new, pop_and_push, replace_top).

from libc.string cimport memset
from cpython.dict cimport PyDict_Next
import time as _time

from libc.stdlib cimport calloc
cimport cython

cdef enum:
    STACK_CAPACITY = 1 << 20     # data-stack slots (8 MiB of pointers, touched lazily)
    MAX_NEST = 100               # frames a generator resume may add beyond the recursion limit
    MAX_C_NEST = 1000            # eval loops nested on the C stack (see nest_check)
    TICKS = 1000                 # loop/call ticks between limit checks

cpdef enum LimitCode:        # what unwound a run; monty/limits.py maps each kind to the rest
    LIMIT_NONE = 0
    LIMIT_TIME = 1
    LIMIT_MEMORY = 2
    LIMIT_ALLOCATIONS = 3
    LIMIT_ABORT = 4              # a host-level exception (KeyboardInterrupt) unwinds the sandbox
    LIMIT_HOST_CALLS = 5         # Limits.max_host_calls

# the VM whose code runs now, per thread (sandboxes in other threads run their own): a
# borrowed pointer, set and restored in LIFO order by the code that runs a VM's loop
cdef extern from *:
    """
    static _Thread_local PyObject *monty_current_vm = NULL;
    """
    PyObject* monty_current_vm


# Nested loops and the host's recursion counter. A loop nested on the C stack (C code calling
# sandbox code) is counted by the VM: its frames count toward the sandbox's recursion limit and
# at most MAX_C_NEST loops nest (a bound on the C stack: see tests/test_pause_values.py for
# the measured bytes per level). The C calls between two nested loops (lru_cache's wrapper,
# the callable's tp_call...) also take from CPython's own recursion budget, which would end a
# sandbox recursion through them far below its limit; nest_enter gives the budget those calls
# took since the enclosing loop started back, and nest_exit restores it. Measured C stack per
# nested level (CPython 3.11, x86-64): ~1.6 KiB through min(<genexp>), ~2 KiB through
# lru_cache, ~6.3 KiB through list.sort calling __lt__; 1,000 levels fit the default 8 MiB
# stack, and nest_check also refuses a level when less than 512 KiB of the thread's stack is
# left (threads started with a small stack size).
cdef extern from *:
    """
    static _Thread_local int monty_loop_budget = -1;
    #if defined(__linux__) && defined(__GLIBC__)
    #include <pthread.h>
    #endif
    #define MONTY_STACK_MARGIN (512 * 1024)
    static _Thread_local char *monty_stack_low = NULL;
    static _Thread_local int monty_stack_known = 0;
    /* 0 when less than MONTY_STACK_MARGIN bytes of this thread's C stack are left (glibc:
       the stack's bounds from pthread_getattr_np; elsewhere the MAX_C_NEST bound alone) */
    static int monty_stack_ok(void) {
    #if defined(__linux__) && defined(__GLIBC__)
        char here;
        if (!monty_stack_known) {
            pthread_attr_t attr;
            void *addr;
            size_t size;
            monty_stack_known = -1;
            if (pthread_getattr_np(pthread_self(), &attr) == 0) {
                if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
                    monty_stack_low = (char *)addr;
                    monty_stack_known = 1;
                }
                pthread_attr_destroy(&attr);
            }
        }
        if (monty_stack_known == 1 && (size_t)(&here - monty_stack_low) < MONTY_STACK_MARGIN)
            return 0;
    #endif
        return 1;
    }
    static inline int monty_budget_get(void) {
        PyThreadState *ts = PyThreadState_Get();
    #if PY_VERSION_HEX >= 0x030E0000
        (void)ts; return -1;
    #elif PY_VERSION_HEX >= 0x030C0000
        return ts->c_recursion_remaining;
    #elif PY_VERSION_HEX >= 0x030B0000
        return ts->recursion_remaining;
    #else
        return 1000000 - ts->recursion_depth;
    #endif
    }
    static inline void monty_budget_set(int v) {
        PyThreadState *ts = PyThreadState_Get();
        if (v < 0) return;
    #if PY_VERSION_HEX >= 0x030E0000
        (void)ts;
    #elif PY_VERSION_HEX >= 0x030C0000
        ts->c_recursion_remaining = v;
    #elif PY_VERSION_HEX >= 0x030B0000
        ts->recursion_remaining = v;
    #else
        ts->recursion_depth = 1000000 - v;
    #endif
    }
    """
    int monty_loop_budget
    int monty_stack_ok() noexcept
    int monty_budget_get() noexcept
    void monty_budget_set(int v) noexcept


cdef struct NestSave:
    int outer_budget        # the enclosing loop's budget at its start
    int budget              # the budget when this nested loop was entered


cdef inline int nest_check(VM vm) except -1:
    """Whether one more loop may nest on the C stack (before anything is pushed)."""
    if vm.nest >= MAX_C_NEST or not monty_stack_ok():
        raise RecursionError("maximum recursion depth exceeded")
    return 0


cdef inline int nest_enter(VM vm, NestSave* save) except -1:
    """Before a nested loop (nest_check passed): the host budget given back."""
    global monty_loop_budget
    save.outer_budget = monty_loop_budget
    save.budget = monty_budget_get()
    if save.outer_budget > save.budget:
        monty_budget_set(save.outer_budget)
    monty_loop_budget = monty_budget_get()
    vm.nest += 1
    return 0


cdef inline void nest_exit(VM vm, NestSave* save) noexcept:
    global monty_loop_budget
    vm.nest -= 1
    monty_budget_set(save.budget)
    monty_loop_budget = save.outer_budget


cdef inline VM cur_vm():
    return <VM>monty_current_vm if monty_current_vm != NULL else None


cdef inline void set_cur_vm(VM vm):
    global monty_current_vm
    monty_current_vm = <PyObject*>vm if vm is not None else NULL
    meter_attach(vm)
cdef object PAUSED = object()      # run_frames' result when it stopped at a host call


class _LimitExceeded(BaseException):
    """Unwinds the sandbox without running its handlers."""




cdef int check_in_run(VM vm) except -1:
    """Sandbox code runs only inside a run of its own sandbox (or while a snapshot of it is
    loaded): never from the host's garbage collector, another sandbox or after run() ended."""
    if cur_vm() is not vm or not (vm.running or vm.nest > 0):
        raise RuntimeError("sandbox code cannot run outside a run of its sandbox")
    return 0


cdef int vm_slot(VM vm, str name) except -1:
    """The global slot of `name` in `vm`, a new one on first use."""
    slot = vm.slots.get(name)
    if slot is None:
        slot = vm.slots[name] = len(vm.slot_names)
        vm.slot_names.append(name)
    return slot


cdef class VM:
    """One sandbox's interpreter state: globals, data stack, frames."""

    def __cinit__(self):
        self.stack = NULL
        self.frames = NULL
        self.mem_used = -1      # unknown: the first run measures what the globals hold
        self.top_sp = -1

    def __init__(self, dict builtins, dict host_functions, int max_depth, print_callback):
        self.gvals = []
        self.bvals = []
        self.slots = {}
        self.slot_names = []
        self.linked = {}
        self.host_pending = []
        self.modules = {}
        self.dataclasses = {}
        self.handled = None
        self.builtins = builtins
        self.host_functions = host_functions
        self.max_depth = max_depth
        self.host_max_depth = max_depth
        self.print_callback = print_callback
        self.frames_cap = max_depth + MAX_NEST + 2
        self.ticks = TICKS
        self.tick_budget = TICKS
        self.deadline = 0.0
        self.wall_deadline = 0.0
        self.max_host_calls = -1
        limits_configure(self, None, None)

    def set_recursion_limit(self, int n):
        """Set the depth sandbox calls may reach to `n`, clamped to [1, the host's limit]
        (frames_cap is sized for the host's limit, so lowering it is always safe).
        Returns the limit now in force."""
        if n > self.host_max_depth:
            n = self.host_max_depth
        if n < 1:
            n = 1
        self.max_depth = n
        return n

    def set_host_recursion_limit(self, int n):
        """A new Limits.max_recursion_depth, between runs (no frame on the stack: the caller
        abandoned any paused program). The frame array grows to fit it; the depth sandbox
        code set with sys.setrecursionlimit is reset to it."""
        cdef Frame* frames
        if self.depth or self.running or n < 1:
            raise RuntimeError("the recursion limit changes only between runs")
        if n + MAX_NEST + 2 > self.frames_cap:
            if self.frames != NULL:
                frames = <Frame*>calloc(n + MAX_NEST + 2, sizeof(Frame))
                if frames == NULL:
                    raise MemoryError()
                free(self.frames)
                self.frames = frames
            self.frames_cap = n + MAX_NEST + 2
        self.host_max_depth = n
        self.max_depth = n

    @property
    def frame_depth(self):
        """Frames on the VM's frame stack now."""
        return self.depth

    def __dealloc__(self):
        cdef int i
        if self.stack != NULL:
            while self.depth > 0:
                self.depth -= 1
                self.discard_frame(&self.frames[self.depth])
            free(self.stack)
        if self.frames != NULL:
            free(self.frames)

    cdef int ensure_stack(self) except -1:
        if self.stack == NULL:
            # uninitialised on purpose: every slot is written before it is read, and zeroing
            # 8 MiB would cost more than a small run
            self.stack = <PyObject**>malloc(STACK_CAPACITY * sizeof(PyObject*))
            self.frames = <Frame*>calloc(self.frames_cap, sizeof(Frame))
            if self.stack == NULL or self.frames == NULL:
                raise MemoryError()
            self.stack_cap = STACK_CAPACITY
        return 0

    # -------------------------------------------------------------- globals

    cdef int grow_globals(self, int n) except -1:
        """Make room for `n` global slots. Eval loops cache the arrays' item pointers: the
        arrays keep spare capacity and grow in place (they never move) while any loop may be
        running; they are reallocated only between runs or when every running loop sits in an
        IMPORT_NAME (which re-reads its pointers after the import)."""
        cdef int old = len(self.gvals)
        cdef list g, bl
        cdef int i, cap
        cdef PyObject** items_g
        cdef PyObject** items_b
        if n <= old:
            return 0
        if n <= self.gcap:
            items_g = (<PyListObject*>self.gvals).ob_item
            items_b = (<PyListObject*>self.bvals).ob_item
            for i in range(old, n):
                items_g[i] = NULL
                builtin = self.builtins.get(self.slot_names[i])
                if builtin is None:
                    items_b[i] = NULL
                else:
                    INCREF(<PyObject*>builtin)
                    items_b[i] = <PyObject*>builtin
            Py_SET_SIZE(<PyObject*>self.gvals, n)
            Py_SET_SIZE(<PyObject*>self.bvals, n)
            return 0
        if self.nest + (1 if self.running else 0) > self.import_nest:
            raise RuntimeError("too many new global names while sandbox code runs in a callback")
        cap = n + (n if n > 256 else 256)
        g = [None] * cap
        bl = [None] * cap
        items_g = (<PyListObject*>g).ob_item
        items_b = (<PyListObject*>bl).ob_item
        for i in range(cap):
            DECREF(items_g[i])
            DECREF(items_b[i])
            items_g[i] = NULL
            items_b[i] = NULL
            if i < old:
                items_g[i] = (<PyListObject*>self.gvals).ob_item[i]
                items_b[i] = (<PyListObject*>self.bvals).ob_item[i]
                (<PyListObject*>self.gvals).ob_item[i] = NULL
                (<PyListObject*>self.bvals).ob_item[i] = NULL
            elif i < n:
                builtin = self.builtins.get(self.slot_names[i])
                if builtin is not None:
                    INCREF(<PyObject*>builtin)
                    items_b[i] = <PyObject*>builtin
        Py_SET_SIZE(<PyObject*>g, n)
        Py_SET_SIZE(<PyObject*>bl, n)
        self.gvals = g
        self.bvals = bl
        self.gcap = cap
        return 0

    def slot_of(self, str name):
        return vm_slot(self, name)

    def link(self, Code code):
        """The module code relinked to this VM's global slots (cached)."""
        linked = self.linked.get(code)
        if linked is None:
            linked = code.linked_copy(self)
            self.grow_globals(len(self.slot_names))
            if len(self.linked) > 256:
                self.linked.clear()
            self.linked[code] = linked
        return linked

    def set_global(self, str name, value):
        self.grow_globals(self.slot_of(name) + 1)
        cdef PyObject** items = (<PyListObject*>self.gvals).ob_item
        cdef int slot = self.slots[name]
        XDECREF(items[slot])
        INCREF(<PyObject*>value)
        items[slot] = <PyObject*>value

    def del_global(self, str name):
        slot = self.slots.get(name)
        if slot is None or slot >= len(self.gvals):
            return
        cdef PyObject** items = (<PyListObject*>self.gvals).ob_item
        XDECREF(items[<int>slot])
        items[<int>slot] = NULL

    def get_global(self, str name):
        slot = self.slots.get(name)
        if slot is None or slot >= len(self.gvals):
            raise KeyError(name)
        cdef PyObject* v = (<PyListObject*>self.gvals).ob_item[<int>slot]
        if v == NULL:
            raise KeyError(name)
        return <object>v

    def global_names(self):
        cdef PyObject** items = (<PyListObject*>self.gvals).ob_item
        # (not the hidden globals of async code and internal modules: no identifiers)
        return [self.slot_names[i] for i in range(len(self.gvals))
                if items[i] != NULL and (<str>self.slot_names[i]).isidentifier()]

    # -------------------------------------------------------------- frames

    cdef int push_frame(self, Code code, Function func, int ret, int base, int entry) except -1:
        """Push a frame whose locals start at `base` (already bound); -1 base: module frame."""
        cdef Frame* f
        cdef int stack_base = (ret + 1) if base < 0 else base + code.nslots
        cdef int limit = stack_base + code.stacksize + 2
        if self.depth >= self.max_depth + MAX_NEST:
            raise RecursionError("maximum recursion depth exceeded")
        if limit >= self.stack_cap:
            raise RecursionError("maximum recursion depth exceeded (data stack full)")
        f = &self.frames[self.depth]
        f.code = <PyObject*>code
        INCREF(f.code)
        f.func = <PyObject*>func if func is not None else NULL
        XINCREF(f.func)
        f.pc = 0
        f.base = base
        f.stack_base = stack_base
        f.sp = stack_base
        f.ret = ret
        f.limit = limit
        f.entry = entry
        f.gen = NULL
        f.resume = 0
        f.proto = 0
        f.init_self = NULL
        f.next_default = NULL
        f.drain = NULL
        f.wait_sp = -1
        self.depth += 1
        return 0

    cdef void discard_frame(self, Frame* f) noexcept:
        """Release everything a frame holds: its stack region from `ret` up and its refs."""
        cdef PyObject** p = self.stack + f.sp
        cdef PyObject** bottom = self.stack + f.ret
        while p > bottom:
            p -= 1
            XDECREF(p[0])
            p[0] = NULL
        XDECREF(f.code)
        XDECREF(f.func)
        XDECREF(f.init_self)
        XDECREF(f.next_default)
        XDECREF(f.drain)
        f.code = NULL
        f.func = NULL
        f.init_self = NULL
        f.next_default = NULL
        f.drain = NULL

    cdef void pop_frame(self):
        self.depth -= 1
        self.discard_frame(&self.frames[self.depth])

    cdef int region_top(self):
        if self.depth == 0:
            return 0
        return self.frames[self.depth - 1].limit

    # -------------------------------------------------------------- running

    def run_module(self, Code code, bint opaque=False):
        """Run linked module code; return its value or raise the sandbox exception. With
        `opaque`, a value that is not plain data comes out as a monty.Opaque."""
        cdef VM saved = cur_vm()
        cdef int ret
        if self.running:
            raise RuntimeError("this sandbox is already running")
        if self.paused:
            abandon_pause(self)
        self.error_report = None
        self.ensure_stack()
        ret = self.region_top()
        self.stack[ret] = <PyObject*>code
        INCREF(<PyObject*>code)
        self.running = True
        set_cur_vm(self)
        try:
            limits_start(self)
            self.push_frame(code, None, ret, -1, 1)
            self.frames[self.depth - 1].sp = ret + 1
            result = finish_run(self, run_frames(self))
            if result is not PAUSED:
                # converted here, under the run's limits, by exact-type rules
                if opaque:
                    result = export_or_opaque(self, result)
                else:
                    result = export_value(result, None, 0)
            return result
        except BaseException as e:
            limit_error(self, e)
            remember_error(self, e)
            raise
        finally:
            drop_host_pending(self)
            self.running = False
            if not self.paused:
                self.handled = None
            set_cur_vm(saved)
            self.host_aborted = self.limit_kind == LIMIT_ABORT
            self.limit_kind = LIMIT_NONE
            if _tuple_depths or _last_checked is not None:
                limits_end_run()
            gc_exit(self)

    def run_nested_module(self, Code code):
        """Run linked module code (an internal module's) from C code, in a nested loop."""
        cdef VM saved = cur_vm()
        cdef int ret
        cdef double deadline = self.deadline
        cdef NestSave save
        nest_check(self)
        self.ensure_stack()
        ret = self.region_top()
        if ret + code.stacksize + 4 >= self.stack_cap:
            raise RecursionError("maximum recursion depth exceeded (data stack full)")
        INCREF(<PyObject*>code)
        self.stack[ret] = <PyObject*>code
        self.push_frame(code, None, ret, -1, 1)
        self.frames[self.depth - 1].sp = ret + 1
        if not self.running:
            self.deadline = 0.0         # (a snapshot being loaded: no run's clock applies)
        nest_enter(self, &save)
        set_cur_vm(self)
        try:
            return run_frames(self)
        finally:
            nest_exit(self, &save)
            set_cur_vm(saved)
            self.deadline = deadline

    cdef object call_nested(self, object func, tuple args, dict kwargs):
        """Call a sandbox function from C code (a key function, map, ...) in a nested loop."""
        cdef Function fn
        cdef int ret, base, i, n
        cdef tuple kwnames = None
        cdef VM saved
        cdef NestSave save
        if type(func) is not Function:
            return func(*args, **(kwargs or {}))
        fn = <Function>func
        check_in_run(self)
        nest_check(self)
        # C code may call back many times per loop step (a dict probing colliding keys with
        # __eq__, a sort's key): each call ticks like several calls of the loop
        self.ticks -= 4
        if self.ticks <= 0 and self.running:
            check_limits(self)
        guard_args(self, args, kwargs)
        self.ensure_stack()
        ret = self.region_top()
        n = len(args) + (len(kwargs) if kwargs else 0)
        if ret + n + 2 >= self.stack_cap:
            raise RecursionError("maximum recursion depth exceeded (data stack full)")
        values = list(args)
        if kwargs:
            kwnames = tuple(kwargs)
            values.extend(kwargs.values())
        INCREF(<PyObject*>fn)
        self.stack[ret] = <PyObject*>fn
        base = ret + 1
        for i in range(n):
            INCREF(<PyObject*>values[i])
            self.stack[base + i] = <PyObject*>values[i]
        # like a CALL, the keyword names sit above the arguments (binding releases them)
        self.stack[base + n] = NULL
        if kwnames is not None:
            INCREF(<PyObject*>kwnames)
            self.stack[base + n] = <PyObject*>kwnames
        try:
            bind_and_push(self, fn, ret, base, n, <PyObject*>kwnames if kwnames else NULL, 1)
        except BaseException:
            for i in range(n + 2):
                XDECREF(self.stack[ret + i])
                self.stack[ret + i] = NULL
            raise
        if fn.code.flags & CO_GENERATOR:
            make_generator(self)
            gen = <object>self.stack[ret]
            DECREF(self.stack[ret])
            self.stack[ret] = NULL
            return gen
        saved = cur_vm()
        nest_enter(self, &save)
        set_cur_vm(self)
        try:
            return run_frames(self)
        finally:
            nest_exit(self, &save)
            set_cur_vm(saved)

    def print_text(self, str text, bint err=False):
        """Printed text: to the print callback (given `True` as well for sys.stderr's text),
        or to the host's sys.stdout / sys.stderr."""
        emit_text(self, text, err)


# ------------------------------------------------------------------ argument binding

cdef int bind_and_push(VM vm, Function func, int ret, int base, Py_ssize_t nargs,
                       PyObject* kwnames, int entry) except -1:
    """Bind the call's arguments (owned refs at stack[base:base+nargs]; keyword values last,
    named by `kwnames`) into the callee's locals and push its frame. On error the stack is
    left as it was."""
    cdef Code code = func.code
    cdef PyObject** stack = vm.stack
    cdef Py_ssize_t i
    cdef int nslots = code.nslots
    if base + nslots + code.stacksize + 2 >= vm.stack_cap:
        raise RecursionError("maximum recursion depth exceeded (data stack full)")
    if vm.depth >= vm.max_depth:
        raise RecursionError("maximum recursion depth exceeded")
    if kwnames == NULL and code.simple_args and nargs == code.argcount:
        for i in range(nargs, nslots):
            stack[base + i] = NULL
    else:
        bind_slow(vm, func, base, nargs, kwnames)
    if code.ncells or code.nfree:
        for i in range(code.ncells):
            cell = Cell.__new__(Cell)
            (<Cell>cell).contents = UNBOUND
            INCREF(<PyObject*>cell)
            stack[base + code.nlocals + i] = <PyObject*>cell
        for i in range(code.nfree):
            cell = func.closure[i]
            INCREF(<PyObject*>cell)
            stack[base + code.nlocals + code.ncells + i] = <PyObject*>cell
    vm.push_frame(code, func, ret, base, entry)
    return 0


cdef int bind_slow(VM vm, Function func, int base, Py_ssize_t nargs, PyObject* kwnames_p) except -1:
    cdef Code code = func.code
    cdef PyObject** stack = vm.stack
    cdef tuple kwnames = <tuple>kwnames_p if kwnames_p != NULL else ()
    cdef Py_ssize_t nkw = len(kwnames)
    cdef Py_ssize_t npos = nargs - nkw
    cdef Py_ssize_t i, j
    cdef int argcount = code.argcount
    cdef int total = argcount + code.kwonlyargcount
    cdef list locals_ = [UNBOUND] * code.nlocals
    cdef tuple varnames = code.varnames
    cdef str qualname = func.qualname
    kwdict = None
    if code.flags & CO_VARKEYWORDS:
        kwdict = {}
    # positional
    for i in range(min(npos, argcount)):
        locals_[i] = <object>stack[base + i]
    if code.flags & CO_VARARGS:
        locals_[total] = tuple([<object>stack[base + i] for i in range(argcount, npos)])
    # keywords
    for j in range(nkw):
        name = kwnames[j]
        value = <object>stack[base + npos + j]
        if type(name) is not str:
            raise TypeError("keywords must be strings")
        for i in range(code.posonlyargcount, total):
            if varnames[i] == name:
                break
        else:
            i = -1
        if i < 0:
            if kwdict is not None:
                kwdict[name] = value
                continue
            posonly = [n for n in kwnames if n in varnames[:code.posonlyargcount]]
            if posonly:
                raise TypeError(f"{qualname}() got some positional-only arguments passed as "
                                f"keyword arguments: '{', '.join(posonly)}'")
            raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
        if locals_[i] is not UNBOUND:
            raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
        locals_[i] = value
    if npos > argcount and not (code.flags & CO_VARARGS):
        raise TypeError(too_many_positional(func, npos, locals_))
    # defaults
    defaults = func.defaults or ()
    ndef = len(defaults)
    missing = [varnames[i] for i in range(min(npos, argcount), argcount - ndef)
               if locals_[i] is UNBOUND]
    if missing:
        raise TypeError(format_missing(qualname, "positional", missing))
    for i in range(argcount - ndef, argcount):
        if locals_[i] is UNBOUND:
            locals_[i] = defaults[i - (argcount - ndef)]
    if code.kwonlyargcount:
        kwdefaults = func.kwdefaults or {}
        missing = []
        for i in range(argcount, total):
            if locals_[i] is UNBOUND:
                name = varnames[i]
                if name in kwdefaults:
                    locals_[i] = kwdefaults[name]
                else:
                    missing.append(name)
        if missing:
            raise TypeError(format_missing(qualname, "keyword-only", missing))
    if kwdict is not None:
        locals_[total + (1 if code.flags & CO_VARARGS else 0)] = kwdict
    # success: replace the arguments with the bound locals
    for i in range(nargs):
        DECREF(stack[base + i])
        stack[base + i] = NULL
    if kwnames_p != NULL:
        DECREF(stack[base + nargs])     # the kwnames tuple above the arguments
        stack[base + nargs] = NULL
    for i in range(code.nslots):
        if i < code.nlocals and locals_[i] is not UNBOUND:
            v = locals_[i]
            INCREF(<PyObject*>v)
            stack[base + i] = <PyObject*>v
        else:
            stack[base + i] = NULL
    return 0


cdef str too_many_positional(Function func, Py_ssize_t given, list locals_):
    cdef Code code = func.code
    argcount = code.argcount
    ndef = len(func.defaults or ())
    kwonly_given = sum(1 for i in range(argcount, argcount + code.kwonlyargcount)
                       if locals_[i] is not UNBOUND)
    if ndef:
        sig = f"from {argcount - ndef} to {argcount}"
        plural = "s"
    else:
        sig = str(argcount)
        plural = "" if argcount == 1 else "s"
    kwsig = ""
    if kwonly_given:
        kwsig = (f" positional argument{'s' if given != 1 else ''} (and {kwonly_given} "
                 f"keyword-only argument{'s' if kwonly_given != 1 else ''})")
    was = "was" if given == 1 and not kwonly_given else "were"
    return f"{func.qualname}() takes {sig} positional argument{plural} but {given}{kwsig} {was} given"


cdef str format_missing(str qualname, str kind, list names):
    quoted = [f"'{n}'" for n in names]
    if len(quoted) == 1:
        text = quoted[0]
    elif len(quoted) == 2:
        text = f"{quoted[0]} and {quoted[1]}"
    else:
        text = ", ".join(quoted[:-1]) + ", and " + quoted[-1]
    n = len(names)
    return f"{qualname}() missing {n} required {kind} argument{'s' if n != 1 else ''}: {text}"


# ------------------------------------------------------------------ slow paths of the loop

cdef int raise_unbound_local(VM vm, Frame* f, int slot) except -1:
    cdef Code code = <Code>f.code
    if f.base < 0:
        raise NameError(f"name '{vm.slot_names[slot]}' is not defined")
    if slot < code.nlocals:
        raise UnboundLocalError(
            f"cannot access local variable '{code.varnames[slot]}' where it is not associated with a value")
    return raise_unbound_deref(f, slot)


cdef int raise_unbound_deref(Frame* f, int slot) except -1:
    cdef Code code = <Code>f.code
    cdef int i = slot - code.nlocals
    if i < code.ncells:
        raise UnboundLocalError(
            f"cannot access local variable '{code.cellvars[i]}' where it is not associated with a value")
    raise NameError(f"cannot access free variable '{code.freevars[i - code.ncells]}' where it is "
                    f"not associated with a value in enclosing scope")


cdef int raise_name_error(VM vm, int slot) except -1:
    raise NameError(f"name '{vm.slot_names[slot]}' is not defined")


# ------------------------------------------------------------------ binary operators
# One table maps each BinOp (in-place forms from BINOP_INPLACE) to the C API function that runs
# it; binary_op puts the operator's pre-checks in front.

ctypedef PyObject* (*number_binop)(PyObject*, PyObject*) except NULL

cdef PyObject* power_checked(PyObject* v, PyObject* w) except NULL:
    check_power(<object>v, <object>w)
    return R_Pow(v, w, NONE_P)


cdef PyObject* ipower_checked(PyObject* v, PyObject* w) except NULL:
    check_power(<object>v, <object>w)
    return R_IPow(v, w, NONE_P)


cdef number_binop BINOP_FUNCS[N_BINOPS]
BINOP_FUNCS[:] = [R_Add, R_Sub, R_Mul, R_TrueDiv, R_FloorDiv, R_Mod, power_checked, R_LShift,
                  R_RShift, R_And, R_Or, R_Xor, R_MatMul,
                  R_IAdd, R_ISub, R_IMul, R_ITrueDiv, R_IFloorDiv, R_IMod, ipower_checked,
                  R_ILShift, R_IRShift, R_IAnd, R_IOr, R_IXor, R_IMatMul]


cdef inline bint unchecked_int_binop(int a) noexcept:
    """The operators that run on two exact ints without a pre-check (+ and -)."""
    return (a == BINOP_ADD or a == BINOP_SUB or a == BINOP_INPLACE + BINOP_ADD
            or a == BINOP_INPLACE + BINOP_SUB)


cdef PyObject* binary_op(VM vm, int a, PyObject* v, PyObject* w, Py_ssize_t top,
                         bint* seq_op) except NULL:
    """`v (a) w` after the operator's pre-checks (sizes, big-int costs, %-format widths,
    subclasses of builtins judged as their base); a new reference. `top`: the frame's
    value-stack top, for the live walk of a check. Sets *seq_op when a tuple + or * ran (the
    result's unfolded size is checked once it is on the stack)."""
    cdef int base = a - BINOP_INPLACE if a >= BINOP_INPLACE else a
    cdef object obj
    if (monty_sub_builtin(v) or monty_sub_builtin(w)) and checked_binop(a):
        # a subclass of a builtin: judged as its base (sandbox overrides first)
        vm.top_sp = top
        vm.top_depth = vm.depth
        obj = subclass_binop(vm, a, <object>v, <object>w)
        vm.top_sp = -1
        seq_op[0] = TupleCheck(v) or TupleCheck(w)
        INCREF(<PyObject*>obj)
        return <PyObject*>obj
    if LongExact(v) and LongExact(w):
        if base != BINOP_ADD and base != BINOP_SUB:
            check_binary(vm, a, v, w)
    elif base == BINOP_ADD:
        vm.top_sp = top             # the live walk counts this frame's stack
        vm.top_depth = vm.depth
        check_add(vm, v, w)
        vm.top_sp = -1
        seq_op[0] = TupleCheck(v)
    if base == BINOP_MUL:
        if not ((LongExact(v) or FloatExact(v)) and (LongExact(w) or FloatExact(w))):
            vm.top_sp = top
            vm.top_depth = vm.depth
            check_repeat(<object>v, <object>w)
            vm.top_sp = -1
            seq_op[0] = TupleCheck(v) or TupleCheck(w)
    elif base == BINOP_MOD:
        if UnicodeExact(v) or TYPE(v) == <PyObject*>bytes or TYPE(v) == <PyObject*>bytearray:
            obj = _policy.safe_percent(<object>v, <object>w)
            INCREF(<PyObject*>obj)
            return <PyObject*>obj
    elif base == BINOP_LSHIFT:
        check_shift(<object>v, <object>w)
    return BINOP_FUNCS[a](v, w)


# ------------------------------------------------------------------ operators on subclasses
# An operand that is an instance of a sandbox subclass of a checked builtin (class L(list),
# class I(int)...) takes this path: sandbox overrides of the operator run first, in CPython's
# order; when a builtin implementation is next (the base's C code does the work, also after an
# override returned NotImplemented), the operation is pre-checked as on the base, then run.

import operator as _operator

cdef tuple _BINOP_NAMES = (
    ("__add__", "__radd__", "__iadd__"), ("__sub__", "__rsub__", "__isub__"),
    ("__mul__", "__rmul__", "__imul__"), ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"), ("__mod__", "__rmod__", "__imod__"),
    ("__pow__", "__rpow__", "__ipow__"), ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__rshift__", "__rrshift__", "__irshift__"), ("__and__", "__rand__", "__iand__"),
    ("__or__", "__ror__", "__ior__"), ("__xor__", "__rxor__", "__ixor__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"))

cdef tuple _BINOP_C = (
    _operator.add, _operator.sub, _operator.mul, _operator.truediv, _operator.floordiv,
    _operator.mod, _operator.pow, _operator.lshift, _operator.rshift, _operator.and_,
    _operator.or_, _operator.xor, _operator.matmul,
    _operator.iadd, _operator.isub, _operator.imul, _operator.itruediv, _operator.ifloordiv,
    _operator.imod, _operator.ipow, _operator.ilshift, _operator.irshift, _operator.iand,
    _operator.ior, _operator.ixor, _operator.imatmul)


cdef inline bint checked_binop(int a):
    """The operators with a pre-check on some builtin (+ * // % ** <<, in place too)."""
    if a >= BINOP_INPLACE:
        a -= BINOP_INPLACE
    return (a == BINOP_ADD or a == BINOP_MUL or a == BINOP_FLOORDIV or a == BINOP_MOD
            or a == BINOP_POW or a == BINOP_LSHIFT)


cdef tuple resolve_dunder(object t, str name):
    """(attribute, defined by a sandbox class) of `name` on type `t`'s real MRO, or (None, False)."""
    for k in _policy._mro(t):
        d = _policy._type_dict(k)
        if name in d:
            return d[name], is_sandbox_type(k)
    return None, False


cdef object call_dunder(object f, object x, object y):
    """`x.<dunder>(y)` as CPython's slot calls it: bound through the descriptor protocol."""
    get = getattr(type(f), "__get__", None)
    if get is not None:
        return get(f, x, type(x))(y)
    return f(y)


cdef list binop_order(int a, object v, object w):
    """The (operand, dunder, other) calls CPython tries for `v (op) w`, in its order."""
    cdef int base = a - BINOP_INPLACE if a >= BINOP_INPLACE else a
    names = <tuple>_BINOP_NAMES[base]
    tv = type(v)
    tw = type(w)
    order = []
    if a >= BINOP_INPLACE:
        order.append((v, names[2], w))
    if tw is not tv and monty_is_subtype(<PyObject*>tw, <PyObject*>tv) and (
            resolve_dunder(tw, names[1])[0] is not resolve_dunder(tv, names[1])[0]):
        order.append((w, names[1], v))
        order.append((v, names[0], w))
    else:
        order.append((v, names[0], w))
        if tw is not tv:
            order.append((w, names[1], v))
    return order


cdef tuple _BINOP_SYMBOLS = ("+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|",
                              "^", "@")


cdef object subclass_binop(VM vm, int a, object v, object w):
    """`v (op) w` where an operand is an instance of a subclass of a checked builtin: CPython's
    calls in its order; before the first builtin implementation runs, the operation is
    pre-checked as on the base. An override that returned NotImplemented is not called again:
    the builtins after it are called directly."""
    cdef int base = a - BINOP_INPLACE if a >= BINOP_INPLACE else a
    cdef bint checked = False, called = False
    for x, name, y in binop_order(a, v, w):
        f, sandboxed = resolve_dunder(type(x), name)
        if f is None:
            continue
        if not sandboxed:
            if not checked:
                precheck_base_binop(vm, base, v, w)
                checked = True
            if base == BINOP_MOD and x is v:
                b = _policy.base_of(v)
                if b is str or b is bytes or b is bytearray:
                    # printf-style formatting by the base: its widths and conversions checked
                    return _policy.safe_percent(v, w)
            if not called:
                # no override ran yet: CPython's whole protocol (numeric then sequence slots)
                return _BINOP_C[a](v, w)
        r = call_dunder(f, x, y)
        called = True
        if r is not NotImplemented:
            return r
    sym = _BINOP_SYMBOLS[base]
    if a >= BINOP_INPLACE:
        sym = sym.split(" ")[0] + "="
    raise TypeError(f"unsupported operand type(s) for {sym}: '{type_name(v)}' and '{type_name(w)}'")


cdef int precheck_base_binop(VM vm, int op, object v, object w) except -1:
    """The pre-checks of `v (op) w` as its builtin bases' C code would run it."""
    iv = _policy.exact_int(v)
    iw = _policy.exact_int(w) if iv is not None else None
    if op == BINOP_ADD:
        check_concat_base(vm, v, w)
    elif op == BINOP_MUL:
        _policy.check_repeat(v, w)
        _policy.check_repeat(w, v)
        if iw is not None:
            check_int_mul(vm, iv, iw)
    elif op == BINOP_FLOORDIV or op == BINOP_MOD:
        if iw is not None:
            check_int_div(vm, iv, iw)
    elif op == BINOP_POW:
        if iw is not None:
            check_power(iv, iw)
    elif op == BINOP_LSHIFT:
        if iw is not None:
            check_shift(iv, iw)
    return 0


cdef int check_concat_base(VM vm, object v, object w) except -1:
    """check_add for operands judged by their builtin bases."""
    bv = _policy.base_of(v)
    bw = _policy.base_of(w)
    if bv is str:
        if bw is str:
            n = str.__len__(v) + str.__len__(w)
            if n > 4096:
                precheck_bytes(vm, _policy._str_size(n, max(_policy._kind(v), _policy._kind(w))))
    elif bv is bytearray or bv is bytes:
        if bw is bytes or bw is bytearray:
            n = bv.__len__(v) + bw.__len__(w)
            if n > 512:
                precheck_bytes(vm, bytes_size(n))
    elif bv is list or bv is tuple:
        if bw is bv:
            n = bv.__len__(v) + bw.__len__(w)
            if n > 512:
                precheck_bytes(vm, list_size(n))
    return 0


def _policy_binary_op(int a, v, w):
    """`v (op) w` for operator codes 0..25 (the in-place forms from 13) through the checks the
    eval loop applies to the operator (the sandbox `operator` module's functions)."""
    cdef VM vm = cur_vm()
    cdef int base = a - BINOP_INPLACE if a >= BINOP_INPLACE else a
    if a < 0 or a >= N_BINOPS:
        raise SystemError(f"bad binary operator {a}")
    if vm is None or not vm.running:
        return _BINOP_C[a](v, w)
    if (monty_sub_builtin(<PyObject*>v) or monty_sub_builtin(<PyObject*>w)) and checked_binop(a):
        r = subclass_binop(vm, a, v, w)
    else:
        if LongExact(<PyObject*>v) and LongExact(<PyObject*>w):
            if base != BINOP_ADD and base != BINOP_SUB:
                check_binary(vm, a, <PyObject*>v, <PyObject*>w)
        elif base == BINOP_ADD:
            check_add(vm, <PyObject*>v, <PyObject*>w)
        if base == BINOP_MUL:
            check_repeat(v, w)
        elif base == BINOP_MOD and (type(v) is str or type(v) is bytes or type(v) is bytearray):
            return _policy.safe_percent(v, w)
        elif base == BINOP_POW:
            check_power(v, w)
        elif base == BINOP_LSHIFT:
            check_shift(v, w)
        r = _BINOP_C[a](v, w)
    if TupleCheck(<PyObject*>r):
        guard_value(vm, <PyObject*>r)
    return r


cdef int check_construct(VM vm, object cls, PyObject** args) except -1:
    """`cls(x, ...)` for a sandbox subclass of a checked builtin whose construction is its
    base's (no sandbox __new__/__init__): the base's pre-checks on `x`. A lazy iterator is
    drained first in the VM's own loop (its list visible to the memory measure)."""
    if not is_sandbox_type(cls):
        return 0
    b = checked_base(cls)
    if b is None or _policy.sandbox_overrides(cls, "__new__") or _policy.sandbox_overrides(cls, "__init__"):
        return 0
    x = <object>args[0]
    if b is bytes or b is bytearray:
        check_bytes_size(x)
    elif b is int:
        if vm.deadline:
            bx = _policy.base_of(x)
            if bx is str:
                check_text_int(vm, _policy.exact_str(x))
            elif bx is bytes:
                check_text_int(vm, bytes.__bytes__(x))
    elif b is str:
        check_text(x)
        if _policy.base_of(x) is str:
            # S(text) copies the text
            precheck_bytes(vm, _policy._str_size(str.__len__(x), _policy._kind(x)))
    elif b is list or b is tuple or b is set or b is frozenset or b is dict:
        n = sized_items(x)
        if n >= 0:
            _policy.check_iterable(x, 8 if (b is list or b is tuple) else 64)
            if n > STEPS_UNCHECKED:
                check_cost(vm, STEP_NS * n)
            if vm.deadline and b is not list and b is not tuple:
                check_walk(vm, x, 2.0)
        elif isinstance(x, SandboxIter):
            buf = _policy.materialize(x)
            INCREF(<PyObject*>buf)
            DECREF(args[0])
            args[0] = <PyObject*>buf
    return 0


cdef int check_power(object a, object b) except -1:
    if type(a) is int and type(b) is int and b > 0 and a not in (0, 1, -1):
        bits = (abs(a).bit_length()) * b
        if cur_vm() is not None and bits > 4096:
            _policy.precheck(bits // 8)
            check_int_pow(cur_vm(), a, b, None)
        if bits > 64 * 1000 * 1000:
            raise MemoryError(f"integer power result too large (about {bits // 8} bytes)")
    return 0


cdef int check_exc_match(object exc, object cls) except -1:
    if isinstance(cls, tuple):
        for c in cls:
            if not (isinstance(c, type) and issubclass(c, BaseException)):
                raise TypeError("catching classes that do not inherit from BaseException is not allowed")
    elif not (isinstance(cls, type) and issubclass(cls, BaseException)):
        raise TypeError("catching classes that do not inherit from BaseException is not allowed")
    return 1 if isinstance(exc, cls) else 0


cdef object make_exception(object value):
    """What `raise value` raises."""
    if isinstance(value, type) and issubclass(value, BaseException):
        value = value()
        if not isinstance(value, BaseException):
            raise TypeError("calling exception class did not return an exception instance")
        return value
    if isinstance(value, BaseException):
        return value
    raise TypeError("exceptions must derive from BaseException")


cdef object exception_cause(object cause):
    if cause is None:
        return None
    if isinstance(cause, type) and issubclass(cause, BaseException):
        return cause()
    if isinstance(cause, BaseException):
        return cause
    raise TypeError("exception causes must derive from BaseException")


cdef extern from "Python.h":
    int PyException_SetTraceback(PyObject* ex, PyObject* tb) except -1
    void PyException_SetContext(PyObject* ex, PyObject* ctx)    # (steals ctx)


cdef object sandbox_exception(VM vm, object exc, bint from_c):
    """`exc` as a sandbox value: a builtin exception type, no host traceback, its context
    the exception being handled (C code may have chained a host exception: dropped)."""
    if (type(exc) not in EXPOSED_EXCEPTIONS and not is_sandbox_type(type(exc))
            and type(exc) not in _modules.EXCEPTIONS):
        exc = RuntimeError(exc_text(vm, exc, monty_now() + REPORT_MAX_S))
    PyException_SetTraceback(<PyObject*>exc, <PyObject*>None)
    handled = vm.handled
    if handled is not None and handled is not exc:
        o = handled
        while o is not None:
            ctx = o.__context__
            if ctx is exc:
                o.__context__ = None
                break
            o = ctx
        exc.__context__ = handled
    elif from_c:
        PyException_SetContext(<PyObject*>exc, NULL)
    return exc


cdef void add_traceback(object exc, Frame* f, int pc):
    cdef Code code = <Code>f.code
    if code.filename == LOOPS_FILENAME:
        return              # sum(), sorted()... written in sandbox Python: builtins, no frame
    cdef int i = pc - 1 if pc > 0 else pc
    cdef int line = code.lines[i] if 0 <= i < code.ninstrs else code.firstlineno
    positions = code._spec.get("positions")     # (line, end line, columns): the carets
    pos = positions[i] if positions is not None and 0 <= i < len(<tuple>positions) else None
    d = exc.__dict__
    tb = d.get("__monty_tb__")
    if tb is None:
        d["__monty_tb__"] = [(code.name, line, pos)]
    else:
        tb.insert(0, (code.name, line, pos))


cdef inline bint back_edge_check(VM vm, Frame* f, Py_ssize_t top, int target) except -1:
    """The tick budget ran out at a backward jump to `target`: check the limits; under
    run_async(), when the slice is over, save the frame there and return True (the loop
    returns PAUSED: the host's event loop gets a turn)."""
    check_limits(vm, top)
    if vm.slice_due and vm.slice_end and vm.nest == 0:
        vm.slice_due = False
        vm.pause_kind = PAUSE_SLICE
        f.pc = target
        f.sp = top
        return True
    return False


cdef int check_limits(VM vm, Py_ssize_t top_sp=-1) except -1:
    """The tick counter ran out: read the clock, and tick the memory estimate (the running
    frame's value stack is exact up to `top_sp`: the live walk counts it, e.g. the list a
    comprehension is building). The next budget of ticks aims at a clock read every
    millisecond or so: when ticks turn out expensive (each C callback probing a long chain of
    colliding keys, native work between two loop steps), it shrinks to match, and it grows
    back as they get cheap again."""
    cdef int budget = vm.tick_budget
    cdef double now, interval
    cdef int nxt = TICKS
    if vm.meter.refused and meter_refused(vm):
        limit_fire(vm, LIMIT_MEMORY)        # native code swallowed the guard's MemoryError
    if not vm.gc_held:
        gc_enter(vm)
    if vm.deadline or vm.slice_end:
        now = monty_now()
        if vm.deadline and now > vm.deadline:
            vm.ticks = TICKS
            limit_fire(vm, LIMIT_TIME)
        if vm.slice_end and now > vm.slice_end:
            vm.slice_due = True     # run_async(): the loop pauses at its next backward jump
        interval = now - vm.last_check
        vm.last_check = now
        if interval > 0.002:
            nxt = <int>(budget * (0.001 / interval)) + 1
        elif budget < TICKS:
            nxt = budget * 2
        if nxt > TICKS:
            nxt = TICKS
    vm.tick_budget = nxt
    vm.ticks = nxt
    if top_sp < 0:
        limits_tick(vm, budget)     # from native code: the caller set vm.top_sp if it is known
        return 0
    cdef Py_ssize_t saved_sp = vm.top_sp
    cdef int saved_depth = vm.top_depth
    vm.top_sp = top_sp
    vm.top_depth = vm.depth
    try:
        limits_tick(vm, budget)
    finally:
        vm.top_sp = saved_sp      # a native call of an outer frame may be waiting
        vm.top_depth = saved_depth
    return 0


cdef int call_spread(VM vm, PyObject** func_slot, int has_kwargs, Py_ssize_t* nargs_out,
                     PyObject** kwnames_out) except -1:
    """Turn `callable, args_tuple[, kwargs]` at func_slot into `callable, arg0, ...` followed
    by the keyword names tuple (owned, in *kwnames_out) for a Function call."""
    cdef PyObject** stack = vm.stack
    cdef Py_ssize_t i, n
    args = <object>func_slot[1]
    kwargs = <object>func_slot[2] if has_kwargs else None
    n = len(args) + (len(kwargs) if kwargs else 0)
    if (func_slot - stack) + n + 2 >= vm.stack_cap:
        raise RecursionError("maximum recursion depth exceeded (data stack full)")
    values = list(args)
    kwnames = None
    if kwargs:
        kwnames = tuple(kwargs)
        values.extend(kwargs.values())
    DECREF(func_slot[1])
    func_slot[1] = NULL
    if has_kwargs:
        DECREF(func_slot[2])
        func_slot[2] = NULL
    for i in range(n):
        INCREF(<PyObject*>values[i])
        func_slot[1 + i] = <PyObject*>values[i]
    nargs_out[0] = n
    if kwnames is not None:
        INCREF(<PyObject*>kwnames)
        func_slot[1 + n] = <PyObject*>kwnames
        kwnames_out[0] = <PyObject*>kwnames
    else:
        kwnames_out[0] = NULL
    return 0


cdef object _DRAIN_CONSUMERS = frozenset([list, tuple, set, frozenset, dict, sorted])


cdef bint is_drain_consumer(object func):
    """Calls that hold a whole iterable's items anyway (so collecting a generator argument
    into a list first changes nothing): list, tuple, set, frozenset, dict, sorted. (sum,
    min and max stream: they keep running generators in a nested loop.)"""
    try:
        return func in _DRAIN_CONSUMERS
    except TypeError:
        return False


cdef int push_init(VM vm, Function fn, int ret, int base, Py_ssize_t nargs, PyObject* kw,
                   PyObject* instance) except -1:
    """Push an __init__ frame whose result is `instance` (a reference this call consumes)."""
    try:
        bind_and_push(vm, fn, ret, base, nargs, kw, 0)
    except BaseException:
        DECREF(instance)
        raise
    vm.frames[vm.depth - 1].init_self = instance
    return 0


cdef object init_function(object cls):
    """The sandbox __init__ to run in the loop for `cls(...)`, or None for CPython's path."""
    cdef PyObject* p
    if not is_sandbox_type(cls):
        return None
    p = _PyType_Lookup(<PyObject*>cls, <PyObject*>"__new__")
    if p != <PyObject*>_object_new_entry:
        return None
    p = _PyType_Lookup(<PyObject*>cls, <PyObject*>"__init__")
    if p == NULL or TYPE(p) != <PyObject*>Function:
        return None
    return <object>p


cdef bint new_function(object cls):
    """The sandbox class cls (type its metaclass) has a __new__ that is a sandbox function (a
    staticmethod's): `cls(...)` runs class_call of monty/modules/_sandbox/_loops.py."""
    cdef PyObject* p
    if not is_sandbox_type(cls):
        return False
    p = _PyType_Lookup(<PyObject*>cls, <PyObject*>"__new__")
    if p == NULL or TYPE(p) != <PyObject*>staticmethod:
        return False
    fn = (<object>p).__func__
    return type(fn) is Function and not ((<Function>fn).code.flags & (
        CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))


_object_new = object.__new__
_object_new_entry = object.__dict__["__new__"]


cdef object make_function(VM vm, int flags, PyObject** sp):
    """MAKE_FUNCTION: the code object is on top, the optional parts below it."""
    cdef Function fn = Function.__new__(Function)
    cdef int k = 1
    fn.code = <Code>sp[-1]
    fn.name = fn.code.name
    fn.qualname = fn.code.qualname
    fn.vm = vm
    if flags & MF_CLOSURE:
        k += 1
        fn.closure = <object>sp[-k]
    if flags & MF_KWDEFAULTS:
        k += 1
        fn.kwdefaults = <object>sp[-k]
    if flags & MF_DEFAULTS:
        k += 1
        fn.defaults = <object>sp[-k]
    return fn


cdef int unpack_into(object seq, Py_ssize_t before, Py_ssize_t after, bint star, PyObject** out) except -1:
    """UNPACK_SEQUENCE / UNPACK_EX: write the items to out[0..] in reverse (first on top)."""
    cdef Py_ssize_t i, n
    if type(seq) is tuple or type(seq) is list:
        items = seq
    else:
        try:
            it = get_iter(seq)
        except TypeError:
            raise TypeError(f"cannot unpack non-iterable {type_name(seq)} object") from None
        if not star:
            items = []
            for x in it:
                if len(items) == before:
                    raise ValueError(f"too many values to unpack (expected {before})")
                items.append(x)
        else:
            items = list(it)
    n = len(items)
    if not star:
        if n != before:
            if n < before:
                raise ValueError(f"not enough values to unpack (expected {before}, got {n})")
            raise ValueError(f"too many values to unpack (expected {before})")
        for i in range(n):
            v = items[i]
            guard_value(cur_vm(), <PyObject*>v)
        for i in range(n):
            v = items[i]
            INCREF(<PyObject*>v)
            out[n - 1 - i] = <PyObject*>v
        return 0
    if n < before + after:
        raise ValueError(f"not enough values to unpack (expected at least {before + after}, got {n})")
    total = before + 1 + after
    vals = list(items[:before]) + [list(items[before:n - after])] + list(items[n - after:])
    for i in range(total):
        guard_value(cur_vm(), <PyObject*>vals[i])
    for i in range(total):
        v = vals[i]
        INCREF(<PyObject*>v)
        out[total - 1 - i] = <PyObject*>v
    return 0


cdef object format_value(object value, int flags, object spec):
    cdef type t = type(value)
    if (flags & 3) == 0 and type(spec) is str and len(<str>spec) <= 4 and (
            t is int or t is float or t is str):
        # a spec of four characters cannot ask for more than 9999 characters
        if t is int and Py_SIZE_RAW(<PyObject*>value) * Py_SIZE_RAW(<PyObject*>value) > 576:
            check_text(value)
        return format(value, spec)
    conv = flags & 3
    check_text(value)
    if conv == 1:
        value = str(value)
    elif conv == 2:
        check_str_quoted(value, False)
        value = repr(value)
    elif conv == 3:
        check_str_quoted(value, True)
        value = ascii(value)
    if spec is None or spec == "":
        if type(value) is str:
            return value
        return _policy.safe_format_value(value, "")
    return _policy.safe_format_value(value, spec)


cdef object build_string(PyObject** items, Py_ssize_t n):
    parts = [<object>items[i] for i in range(n)]
    total = 0
    for p in parts:
        total += len(<str>p)
    if total > 65536:
        _policy.precheck(total)
    return "".join(parts)


cdef str callable_str(object func):
    """How CPython names a callable in argument errors: 'f()'."""
    if type(func) is Function:
        return f"{(<Function>func).qualname}()"
    if type(func) is VMBuiltin or type(func) is HostFunction:
        return f"{func.name}()"
    name = getattr(func, "__qualname__", None) or getattr(func, "__name__", None)
    if isinstance(name, str):
        return f"{name}()"
    return f"{type_name(func)} object"


cdef object dict_merge(object target, object other, object func):
    if isinstance(other, _VM_TYPES) or not hasattr(other, "keys"):
        raise TypeError(f"{callable_str(func)} argument after ** must be a mapping, not {type_name(other)}")
    if type(other) is dict:
        star_items(other, None, 64)
    for k in other.keys():
        if k in target:
            raise TypeError(f"{callable_str(func)} got multiple values for keyword argument '{k}'")
        target[k] = other[k]
    return None


cdef inline int check_namespace(PyObject** fast) except -1:
    """A class body's fast slot 0 holds its namespace dict (a function made from class body
    code and called otherwise, which only a doctored snapshot could do, is refused)."""
    if fast[0] == NULL or TYPE(fast[0]) != <PyObject*>dict:
        raise SystemError("a class body runs without its namespace")
    return 0


cdef int delete_name(dict ns, str name) except -1:
    if name not in ns:
        raise NameError(f"name '{name}' is not defined")
    del ns[name]
    return 0


cdef object import_name_counted(VM vm, str name, int leaf):
    """IMPORT_NAME from the eval loop: while it runs, the global arrays may move (the loop
    re-reads its pointers after it)."""
    vm.import_nest += 1
    try:
        if leaf == 2:       # `from name import *` (module level only): bind its names as globals
            m = import_name(vm, name, 1)
            for attr in _modules.star_names(m):
                vm.set_global(attr, get_attribute(m, attr))
            return m
        return import_name(vm, name, leaf)
    finally:
        vm.import_nest -= 1


cdef object import_name(VM vm, str name, int leaf):
    """IMPORT_NAME: a sandbox module from the registry (monty/modules/), made once per VM."""
    if name.startswith("."):
        raise ImportError("attempted relative import with no known parent package")
    parts = name.split(".")
    top = None
    for i in range(len(parts)):
        dotted = ".".join(parts[:i + 1])
        m = vm.modules.get(dotted)
        if m is None:
            m = _modules.load(dotted, vm)
            if m is None:
                raise ModuleNotFoundError(f"No module named '{dotted}'")
            vm.modules[dotted] = m
            if i and type(vm.modules[".".join(parts[:i])]) is _modules.SandboxModule:
                # a submodule is an attribute of its package once imported (urllib.parse)
                parent = vm.modules[".".join(parts[:i])]
                (<dict>parent._attrs).setdefault(parts[i], m)
        if i == 0:
            top = m
    return vm.modules[name] if leaf else top


cdef object import_from(object module, str name):
    try:
        return get_attribute(module, name)
    except AttributeError:
        mname = module.__name__ if type(module) is _modules.SandboxModule else "?"
        raise ImportError(f"cannot import name '{name}' from '{mname}' (unknown location)") from None


cdef inline int truth_and_release(PyObject* v) except -1:
    """bool(v), releasing the reference to v whatever happens."""
    cdef int h
    if v == TRUE_P:
        h = 1
    elif v == FALSE_P or v == NONE_P:
        h = 0
    else:
        h = PyObject_IsTrue(v)
    DECREF(v)
    return h


cdef object build_map(PyObject** items, Py_ssize_t n):
    d = {}
    for i in range(n):
        d[<object>items[2 * i]] = <object>items[2 * i + 1]
    return d


cdef object build_set(PyObject** items, Py_ssize_t n):
    return {<object>items[i] for i in range(n)}


cdef int raise_raw(object exc) except -1:
    """Raise `exc` as it is: no context chaining from the host's exception state."""
    cdef object tp = type(exc)
    INCREF(<PyObject*>tp)
    INCREF(<PyObject*>exc)
    PyErr_Restore(<PyObject*>tp, <PyObject*>exc, NULL)
    return -1


# ------------------------------------------------------------------ the eval loop

cdef PyObject* NEXT_BUILTIN = NULL     # the `next` builtin (set once the builtins exist)

cdef inline Frame* load_frame(VM vm, PyObject** stack, PyObject** gv, int** ip,
                              PyObject*** consts, PyObject*** fast) noexcept:
    """The innermost frame, with the loop's view of it: its instructions, constants and
    locals (the globals for a module frame). The caller sets sp and pc, which vary."""
    cdef Frame* f = &vm.frames[vm.depth - 1]
    ip[0] = (<Code>f.code).instrs
    consts[0] = (<Code>f.code).const_items
    fast[0] = gv if f.base < 0 else stack + f.base
    return f


cdef inline Frame* reload_frame(VM vm, PyObject** stack, PyObject** gv, int** ip,
                                PyObject*** consts, PyObject*** fast, PyObject*** sp,
                                int* pc) noexcept:
    """load_frame, and the frame's saved stack top and position: the loop goes on there."""
    cdef Frame* f = load_frame(vm, stack, gv, ip, consts, fast)
    sp[0] = stack + f.sp
    pc[0] = f.pc
    return f


cdef inline PyObject** push_new(PyObject** sp, object value) noexcept:
    """Push a new reference to `value`; the new stack top."""
    INCREF(<PyObject*>value)
    sp[0] = <PyObject*>value
    return sp + 1


cdef PyObject* contains_op(VM vm, int a, PyObject* v, PyObject* w) except NULL:
    """`v in w` / `v not in w` (CMP_IN, CMP_NOT_IN), pre-checked; a new reference."""
    cdef PyObject* r
    check_contains(vm, <object>w, <object>v)
    r = TRUE_P if (R_Contains(w, v) == 1) != (a == CMP_NOT_IN) else FALSE_P
    INCREF(r)
    return r


cdef inline object steal(PyObject* p):
    """The object of a reference the caller owned, as a Python value."""
    obj = <object>p
    DECREF(p)
    return obj


cdef inline PyObject** pop_and_push(PyObject** sp, Py_ssize_t n, object value) noexcept:
    """Release the top n items and push a new reference to `value`; the new stack top."""
    INCREF(<PyObject*>value)
    while n > 0:
        sp -= 1
        DECREF(sp[0])
        n -= 1
    sp[0] = <PyObject*>value
    return sp + 1


cdef inline void replace_top(PyObject** sp, object value) noexcept:
    """The value on top of the stack replaced by `value` (the old one released)."""
    cdef PyObject* old = sp[-1]
    INCREF(<PyObject*>value)
    sp[-1] = <PyObject*>value
    DECREF(old)


@cython.boundscheck(False)
cdef object run_frames(VM vm):
    """Execute from the innermost frame until a frame marked `entry` returns; return its
    value. An exception that leaves the entry frame is raised after its frames are gone."""
    cdef PyObject** stack = vm.stack
    cdef PyObject** gv = (<PyListObject*>vm.gvals).ob_item
    cdef PyObject** bv = (<PyListObject*>vm.bvals).ob_item
    cdef Frame* f = &vm.frames[vm.depth - 1]
    cdef int* ip = (<Code>f.code).instrs
    cdef PyObject** consts = (<Code>f.code).const_items
    cdef PyObject** fast = gv if f.base < 0 else stack + f.base
    cdef PyObject** sp = stack + f.sp
    cdef int pc = f.pc
    cdef int op, a, b, h
    cdef PyObject* v
    cdef PyObject* w
    cdef PyObject* x
    cdef PyObject* r
    cdef Py_ssize_t i, n
    cdef bint reraise = False       # RERAISE / bare raise: the exception keeps its traceback
    cdef bint raised_by_op = False  # raised by the loop or a raise statement, not by C code
    cdef bint seq_op = False        # a tuple + or * ran: check the result's unfolded size
    cdef object exc
    cdef object obj
    cdef PyObject* left             # the value of an entry frame that returned or yielded

    while True:
        try:
            if vm.pending_exc is not None:
                # resume_error(): raised at the paused call site
                exc = vm.pending_exc
                vm.pending_exc = None
                raise_raw(exc)
            while True:
                op = ip[pc * 3]
                a = ip[pc * 3 + 1]
                b = ip[pc * 3 + 2]
                pc += 1
                if op == OP_LOAD_FAST:
                    v = fast[a]
                    if v == NULL:
                        v = bv[a] if f.base < 0 else NULL
                        if v == NULL:
                            raise_unbound_local(vm, f, a)
                    INCREF(v)
                    sp[0] = v
                    sp += 1
                elif op == OP_STORE_FAST:
                    sp -= 1
                    v = fast[a]
                    fast[a] = sp[0]
                    XDECREF(v)
                elif op == OP_LOAD_CONST:
                    v = consts[a]
                    INCREF(v)
                    sp[0] = v
                    sp += 1
                elif op == OP_LOAD_FAST_LOAD_FAST:
                    v = fast[a]
                    if v == NULL:
                        v = bv[a] if f.base < 0 else NULL
                        if v == NULL:
                            raise_unbound_local(vm, f, a)
                    w = fast[b]
                    if w == NULL:
                        w = bv[b] if f.base < 0 else NULL
                        if w == NULL:
                            raise_unbound_local(vm, f, b)
                    INCREF(v)
                    INCREF(w)
                    sp[0] = v
                    sp[1] = w
                    sp += 2
                elif op == OP_FOR_ITER_STORE_FAST or op == OP_FOR_ITER:
                    x = sp[-1]
                    if TYPE(x) == <PyObject*>RangeIter:
                        r = range_next(<RangeIter>x)
                    elif TYPE(x) == <PyObject*>ListIter:
                        r = list_next(<ListIter>x)
                    else:
                        r = next_or_resume(vm, f, pc, sp - stack, x)
                        if r == RESUMED:        # a generator's frame runs next
                            f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                            continue
                    if r == NULL:
                        sp -= 1
                        DECREF(x)
                        pc = a
                        continue
                    if op == OP_FOR_ITER:
                        sp[0] = r
                        sp += 1
                    else:
                        v = fast[b]
                        fast[b] = r
                        XDECREF(v)
                    if TupleCheck(r):
                        # a tuple native code built (list(d.items()), zip...) enters the loop
                        check_tuple_depth_ref(vm, r)
                elif op == OP_JUMP_BACKWARD:
                    pc = a
                    vm.ticks -= 1
                    if vm.ticks <= 0:
                        if back_edge_check(vm, f, sp - stack, pc):
                            return PAUSED
                elif op == OP_BINARY_OP or op == OP_BINARY_OP_STORE_FAST:
                    w = sp[-1]
                    v = sp[-2]
                    if LongExact(v) and LongExact(w) and unchecked_int_binop(a):
                        r = BINOP_FUNCS[a](v, w)
                    else:
                        if ((a == BINOP_MOD or a == BINOP_MOD + BINOP_INPLACE) and UnicodeExact(v)
                                and mod_needs_loop(w) and mod_protocol(vm, f, pc, sp - stack)):
                            f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                            continue
                        if (heap_typed(v) or heap_typed(w)) and binary_protocol(vm, f, pc, sp - stack, a):
                            f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                            continue
                        r = binary_op(vm, a, v, w, sp - stack, &seq_op)
                    sp -= 2
                    DECREF(v)
                    DECREF(w)
                    if op == OP_BINARY_OP:
                        sp[0] = r
                        sp += 1
                    else:
                        v = fast[b]
                        fast[b] = r
                        XDECREF(v)
                    if seq_op:
                        # (t,) * n and t + t share t's parts: the unfolded size can multiply
                        seq_op = False
                        guard_value(vm, r)
                elif op == OP_COMPARE_OP or op == OP_COMPARE_JUMP_IF_FALSE:
                    w = sp[-1]
                    v = sp[-2]
                    if a <= CMP_GE:
                        if (heap_typed(v) or heap_typed(w)) and compare_protocol(vm, f, pc, sp - stack, a):
                            f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                            continue
                        check_compare(vm, v, w, a)
                        r = R_RichCompare(v, w, a)     # CMP_LT..CMP_GE are Py_LT..Py_GE
                    elif a == CMP_IN or a == CMP_NOT_IN:
                        if heap_typed(w) and contains_protocol(vm, f, pc, sp - stack):
                            f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                            continue
                        r = contains_op(vm, a, v, w)
                    else:
                        r = TRUE_P if (v == w) != (a == CMP_IS_NOT) else FALSE_P
                        INCREF(r)
                    sp -= 2
                    DECREF(v)
                    DECREF(w)
                    if op == OP_COMPARE_OP:
                        sp[0] = r
                        sp += 1
                    else:
                        h = truth_and_release(r)
                        if not h:
                            if b < pc:
                                vm.ticks -= 1
                                if vm.ticks <= 0:
                                    if back_edge_check(vm, f, sp - stack, b):
                                        return PAUSED
                            pc = b
                elif op == OP_POP_JUMP_IF_FALSE or op == OP_POP_JUMP_IF_TRUE:
                    v = sp[-1]
                    if v != TRUE_P and v != FALSE_P and heap_typed(v) and truth_protocol(vm, f, pc, sp - stack):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    sp -= 1
                    h = truth_and_release(v)
                    if h == (op == OP_POP_JUMP_IF_TRUE):
                        if a < pc:
                            vm.ticks -= 1
                            if vm.ticks <= 0:
                                if back_edge_check(vm, f, sp - stack, a):
                                    return PAUSED
                        pc = a
                elif op == OP_JUMP:
                    if a < pc:
                        vm.ticks -= 1
                        if vm.ticks <= 0:
                            if back_edge_check(vm, f, sp - stack, a):
                                return PAUSED
                    pc = a
                elif op == OP_JUMP_IF_FALSE_OR_POP or op == OP_JUMP_IF_TRUE_OR_POP:
                    v = sp[-1]
                    if heap_typed(v) and truth_protocol(vm, f, pc, sp - stack):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    h = R_IsTrue(v)
                    if h == (op == OP_JUMP_IF_TRUE_OR_POP):
                        pc = a
                    else:
                        sp -= 1
                        DECREF(v)
                elif op == OP_POP_TOP:
                    sp -= 1
                    DECREF(sp[0])
                elif op == OP_COPY:
                    v = sp[-a]
                    INCREF(v)
                    sp[0] = v
                    sp += 1
                elif op == OP_SWAP:
                    v = sp[-1]
                    sp[-1] = sp[-a]
                    sp[-a] = v
                elif op == OP_LOAD_GLOBAL:
                    v = gv[a]
                    if v == NULL:
                        v = bv[a]
                        if v == NULL:
                            raise_name_error(vm, a)
                    INCREF(v)
                    sp[0] = v
                    sp += 1
                elif op == OP_STORE_GLOBAL:
                    sp -= 1
                    v = gv[a]
                    gv[a] = sp[0]
                    XDECREF(v)
                elif op == OP_DELETE_FAST:
                    v = fast[a]
                    if v == NULL:
                        raise_unbound_local(vm, f, a)
                    fast[a] = NULL
                    DECREF(v)
                elif op == OP_DELETE_GLOBAL:
                    v = gv[a]
                    if v == NULL:
                        raise_name_error(vm, a)
                    gv[a] = NULL
                    DECREF(v)
                elif op == OP_LOAD_DEREF:
                    obj = (<Cell>fast[a]).contents
                    if obj is UNBOUND:
                        raise_unbound_deref(f, a)
                    v = <PyObject*>obj
                    INCREF(v)
                    sp[0] = v
                    sp += 1
                elif op == OP_STORE_DEREF:
                    sp -= 1
                    (<Cell>fast[a]).contents = <object>sp[0]
                    DECREF(sp[0])
                elif op == OP_DELETE_DEREF:
                    if (<Cell>fast[a]).contents is UNBOUND:
                        raise_unbound_deref(f, a)
                    (<Cell>fast[a]).contents = UNBOUND
                elif op == OP_LOAD_CLOSURE:
                    v = fast[a]
                    INCREF(v)
                    sp[0] = v
                    sp += 1
                elif op == OP_CALL or op == OP_CALL_EX:
                    if op == OP_CALL:
                        h = call_value(vm, f, pc, sp - stack, a, b)
                    else:
                        h = call_ex_value(vm, f, pc, sp - stack, a)
                    if h == OUT_PUSHED:
                        sp = stack + f.sp
                    elif h == OUT_PAUSED:
                        return PAUSED
                    elif h == OUT_AGAIN:
                        pc -= 1
                    elif h == OUT_RAISE:
                        sp = stack + f.sp
                        raised_by_op = True
                        raise_taken(vm)
                    else:
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        if h == OUT_ENTER:
                            pc = 0
                        elif h == OUT_RESUME_RAISE:
                            raised_by_op = True
                            raise_taken(vm)
                elif op == OP_RETURN_VALUE:
                    if f.init_self != NULL and sp[-1] != NONE_P:
                        raise TypeError(f"__init__() should return None, not '{type_name(<object>sp[-1])}'")
                    sp -= 1
                    f.sp = sp - stack
                    h = return_from_frame(vm, f, sp[0], &left)
                    if h == OUT_LEAVE:
                        vm.yielded = 0
                        return steal(left)
                    f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                    if h == OUT_RESUME_RAISE:
                        raised_by_op = True
                        raise_taken(vm)
                elif op == OP_LOAD_ATTR:
                    if heap_typed(sp[-1]) and attr_protocol(vm, f, pc, sp - stack, (<Code>f.code).names[a]):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    replace_top(sp, get_attribute(<object>sp[-1], (<Code>f.code).names[a]))
                    guard_value(vm, sp[-1])
                elif op == OP_LOAD_METHOD:
                    v = sp[-1]
                    obj = lookup_method(<object>v, (<Code>f.code).names[a])
                    if obj is not None:
                        sp[0] = v               # [method, self]
                        sp[-1] = <PyObject*>obj
                        INCREF(sp[-1])
                    else:
                        if heap_typed(v) and attr_protocol(vm, f, pc, sp - stack, (<Code>f.code).names[a]):
                            f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                            continue
                        replace_top(sp, get_attribute(<object>v, (<Code>f.code).names[a]))
                        sp[0] = NULL            # [attribute, NULL]
                        guard_value(vm, sp[-1])
                    sp += 1
                    obj = None
                elif op == OP_STORE_ATTR:
                    if heap_typed(sp[-1]) and store_protocol(vm, f, pc, sp - stack, (<Code>f.code).names[a], False):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    set_attribute(<object>sp[-1], (<Code>f.code).names[a], <object>sp[-2])
                    sp -= 2
                    DECREF(sp[0])
                    DECREF(sp[1])
                elif op == OP_DELETE_ATTR:
                    if heap_typed(sp[-1]) and store_protocol(vm, f, pc, sp - stack, (<Code>f.code).names[a], True):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    del_attribute(<object>sp[-1], (<Code>f.code).names[a])
                    sp -= 1
                    DECREF(sp[0])
                elif op == OP_BINARY_SUBSCR:
                    w = sp[-1]
                    v = sp[-2]
                    if TupleCheck(w):
                        check_hash(vm, w)
                    if heap_typed(v) and subscript_protocol(vm, f, pc, sp - stack, op):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    r = R_GetItem(v, w)
                    sp -= 1
                    sp[-1] = r
                    DECREF(v)
                    DECREF(w)
                    if TupleCheck(r):
                        check_tuple_depth(vm, <object>r)
                elif op == OP_STORE_SUBSCR:
                    if TYPE(sp[-2]) == <PyObject*>dict:
                        account_sp(vm, sp, 112)      # an entry, its key, and amortised table growth
                    if TupleCheck(sp[-1]):
                        check_hash(vm, sp[-1])
                    if heap_typed(sp[-2]) and subscript_protocol(vm, f, pc, sp - stack, op):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    R_SetItem(sp[-2], sp[-1], sp[-3])
                    sp -= 3
                    DECREF(sp[0])
                    DECREF(sp[1])
                    DECREF(sp[2])
                elif op == OP_DELETE_SUBSCR:
                    if TupleCheck(sp[-1]):
                        check_hash(vm, sp[-1])
                    if heap_typed(sp[-2]) and subscript_protocol(vm, f, pc, sp - stack, op):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    R_DelItem(sp[-2], sp[-1])
                    sp -= 2
                    DECREF(sp[0])
                    DECREF(sp[1])
                elif op == OP_UNARY_OP:
                    v = sp[-1]
                    if heap_typed(v) and unary_protocol(vm, f, pc, sp - stack, a):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    if a == UNARY_NEG:
                        r = R_Neg(v)
                    elif a == UNARY_POS:
                        r = R_Pos(v)
                    elif a == UNARY_INVERT:
                        r = R_Invert(v)
                    else:
                        h = R_IsTrue(v)
                        r = FALSE_P if h else TRUE_P
                        INCREF(r)
                    sp[-1] = r
                    DECREF(v)
                elif op == OP_GET_ITER:
                    if heap_typed(sp[-1]) and iter_protocol(vm, f, pc, sp - stack):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    replace_top(sp, get_iter(<object>sp[-1]))
                elif op == OP_BUILD_TUPLE:
                    r = R_TupleNew(a)
                    h = 0
                    for i in range(a):
                        if TupleExact(sp[i - a]):
                            h = 1
                        TUPLE_SET(r, i, sp[i - a])
                    sp -= a
                    if h:
                        sp[0] = r
                        sp += 1
                        check_tuple_depth(vm, <object>r)
                        sp -= 1
                    sp[0] = r
                    sp += 1
                elif op == OP_BUILD_LIST:
                    account_sp(vm, sp, list_size(a))
                    r = R_ListNew(a)
                    for i in range(a):
                        LIST_SET(r, i, sp[i - a])
                    sp -= a
                    sp[0] = r
                    sp += 1
                elif op == OP_BUILD_MAP:
                    account_sp(vm, sp, hashed_size(a))
                    if vm.deadline:
                        for i in range(a):
                            check_hash(vm, (sp - 2 * a)[2 * i])
                    sp = pop_and_push(sp, 2 * a, build_map(sp - 2 * a, a))
                elif op == OP_BUILD_SET:
                    account_sp(vm, sp, hashed_size(a))
                    if vm.deadline:
                        for i in range(a):
                            check_hash(vm, (sp - a)[i])
                    sp = pop_and_push(sp, a, build_set(sp - a, a))
                elif op == OP_BUILD_STRING:
                    sp = pop_and_push(sp, a, build_string(sp - a, a))
                elif op == OP_BUILD_SLICE:
                    if a == 3:
                        r = R_SliceNew(sp[-3], sp[-2], sp[-1])
                    else:
                        r = R_SliceNew(sp[-2], sp[-1], NULL)
                    h = chain_link(sp[-1]) or chain_link(sp[-2]) or (a == 3 and chain_link(sp[-3]))
                    for i in range(a):
                        sp -= 1
                        DECREF(sp[0])
                    sp[0] = r
                    sp += 1
                    if h:
                        check_chain(vm, <object>r)
                elif op == OP_LIST_APPEND:
                    account_sp(vm, sp, 16)
                    R_ListAppend(sp[-1 - a], sp[-1])
                    sp -= 1
                    DECREF(sp[0])
                elif op == OP_SET_ADD:
                    account_sp(vm, sp, 64)
                    if TupleCheck(sp[-1]):
                        check_hash(vm, sp[-1])
                    R_SetAdd(sp[-1 - a], sp[-1])
                    sp -= 1
                    DECREF(sp[0])
                elif op == OP_MAP_ADD:
                    account_sp(vm, sp, 64)
                    if TupleCheck(sp[-2]):
                        check_hash(vm, sp[-2])
                    R_DictSetItem(sp[-2 - a], sp[-2], sp[-1])
                    sp -= 2
                    DECREF(sp[0])
                    DECREF(sp[1])
                elif op == OP_LIST_EXTEND:
                    f.wait_sp = sp - stack      # the container grows in C: the walk sees it
                    list_extend(<object>sp[-1 - a], <object>sp[-1],
                                <object>sp[-2 - a] if b else None, b)
                    f.wait_sp = -1
                    sp -= 1
                    DECREF(sp[0])
                elif op == OP_SET_UPDATE:
                    check_walk(vm, <object>sp[-1], 2.0)
                    f.wait_sp = sp - stack
                    (<set>sp[-1 - a]).update(star_items(<object>sp[-1], get_iter(<object>sp[-1]), 64))
                    f.wait_sp = -1
                    sp -= 1
                    DECREF(sp[0])
                elif op == OP_DICT_UPDATE:
                    f.wait_sp = sp - stack      # the container grows in C: the walk sees it
                    dict_update(<object>sp[-1 - a], <object>sp[-1])
                    f.wait_sp = -1
                    sp -= 1
                    DECREF(sp[0])
                elif op == OP_DICT_MERGE:
                    f.wait_sp = sp - stack      # the container grows in C: the walk sees it
                    dict_merge(<object>sp[-1 - a], <object>sp[-1], <object>sp[-3 - a])
                    f.wait_sp = -1
                    sp -= 1
                    DECREF(sp[0])
                elif op == OP_LIST_TO_TUPLE:
                    v = sp[-1]
                    r = R_ListAsTuple(v)
                    sp[-1] = r
                    DECREF(v)
                    check_tuple_depth(vm, <object>r)
                elif op == OP_UNPACK_SEQUENCE or op == OP_UNPACK_EX:
                    v = sp[-1]
                    if ((heap_typed(v) or TYPE(v) == <PyObject*>Generator)
                            and unpack_protocol(vm, f, pc, sp - stack)):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    unpack_into(<object>v, a, b, op == OP_UNPACK_EX, sp - 1)
                    DECREF(v)
                    sp += (a - 1) if op == OP_UNPACK_SEQUENCE else (a + b)
                elif op == OP_FORMAT_VALUE:
                    v = sp[-1]
                    if a == 0 and UnicodeExact(v):
                        continue
                    if a == 0 and (LongExact(v) or FloatExact(v)):
                        sp[-1] = R_Str(v)
                        DECREF(v)
                        continue
                    if heap_typed(sp[-2] if a & FV_SPEC else v) and format_protocol(vm, f, pc, sp - stack, a):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    if not (a & FV_SPEC) and container_needs_loop(v) and container_format(vm, f, pc, sp - stack, a):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    if a & FV_SPEC:
                        sp = pop_and_push(sp, 2, format_value(<object>sp[-2], a, <object>sp[-1]))
                    else:
                        replace_top(sp, format_value(<object>sp[-1], a, None))
                elif op == OP_MAKE_FUNCTION:
                    n = 1 + ((a & MF_DEFAULTS) != 0) + ((a & MF_KWDEFAULTS) != 0) + ((a & MF_CLOSURE) != 0)
                    sp = pop_and_push(sp, n, make_function(vm, a, sp))
                elif op == OP_RAISE:
                    if a == 0:
                        if vm.handled is None:
                            raise RuntimeError("No active exception to reraise")
                        reraise = True
                        vm.reraised = vm.handled
                        raise_raw(vm.handled)
                    vm.reraised = None
                    if a == 2:
                        exc = make_exception(<object>sp[-2])
                        exc.__cause__ = exception_cause(<object>sp[-1])
                    else:
                        exc = make_exception(<object>sp[-1])
                    raised_by_op = True
                    raise_raw(exc)
                elif op == OP_RERAISE:
                    sp -= 1
                    exc = <object>sp[0]
                    DECREF(sp[0])
                    reraise = True
                    raise_raw(exc)
                elif op == OP_PUSH_EXC_INFO:
                    v = sp[-1]
                    sp[0] = v                   # [handled before, exception]
                    sp[-1] = <PyObject*>vm.handled
                    INCREF(sp[-1])
                    sp += 1
                    vm.handled = <object>v
                elif op == OP_POP_EXCEPT:
                    sp -= 1
                    vm.handled = <object>sp[0]
                    DECREF(sp[0])
                elif op == OP_CHECK_EXC_MATCH:
                    h = check_exc_match(<object>sp[-2], <object>sp[-1])
                    DECREF(sp[-1])
                    r = TRUE_P if h else FALSE_P
                    INCREF(r)
                    sp[-1] = r
                elif op == OP_YIELD_VALUE:
                    if f.resume == RESUME_DRAIN:
                        drain_yield(vm, f, sp)
                        continue
                    sp -= 1
                    f.sp = sp - stack
                    f.pc = pc
                    if yield_from_frame(vm, f, sp[0], &left) == OUT_LEAVE:
                        vm.yielded = 1
                        return steal(left)
                    f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                elif op == OP_GET_YIELD_FROM_ITER:
                    v = sp[-1]
                    if TYPE(v) == <PyObject*>CoroWrapper:
                        # yield from coro.__await__(): delegate to the coroutine itself
                        replace_top(sp, (<CoroWrapper>v).coro)
                    elif TYPE(v) != <PyObject*>Generator:
                        replace_top(sp, get_iter(<object>v))
                elif op == OP_SEND:
                    send_to_delegate(vm, f, pc, sp - stack, a)
                    f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                elif op == OP_LOAD_NAME:
                    check_namespace(fast)
                    obj = (<dict>fast[0]).get((<Code>f.code).names[a], _MISSING)
                    if obj is _MISSING:
                        v = gv[b]
                        if v == NULL:
                            v = bv[b]
                            if v == NULL:
                                raise_name_error(vm, b)
                    else:
                        v = <PyObject*>obj
                    INCREF(v)
                    obj = None
                    sp[0] = v
                    sp += 1
                elif op == OP_STORE_NAME:
                    check_namespace(fast)
                    sp -= 1
                    (<dict>fast[0])[(<Code>f.code).names[a]] = <object>sp[0]
                    DECREF(sp[0])
                elif op == OP_DELETE_NAME:
                    check_namespace(fast)
                    delete_name(<dict>fast[0], (<Code>f.code).names[a])
                elif op == OP_BUILD_CLASS:
                    n = a + 2 + (b & 1)
                    if class_body_protocol(vm, f, pc, sp - stack, a, b & 1):
                        f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
                        continue
                    sp = pop_and_push(sp, n, build_class(vm, sp - n, a, b & 1))
                elif op == OP_IMPORT_NAME:
                    f.pc = pc
                    f.sp = sp - stack
                    sp = push_new(sp, import_name_counted(vm, (<Code>f.code).names[a], b))
                    # a module written in sandbox Python links its code: the global table
                    # may have grown (moved)
                    gv = (<PyListObject*>vm.gvals).ob_item
                    bv = (<PyListObject*>vm.bvals).ob_item
                    if f.base < 0:
                        fast = gv
                elif op == OP_IMPORT_FROM:
                    sp = push_new(sp, import_from(<object>sp[-1], (<Code>f.code).names[a]))
                elif op == OP_BEFORE_WITH:
                    op_before_with(sp)
                    sp += 1
                elif op == OP_GET_AWAITABLE:
                    op_get_awaitable(vm, sp)
                elif op == OP_BEFORE_ASYNC_WITH:
                    op_before_async_with(sp)
                    sp += 1
                elif op == OP_WITH_EXCEPT_START:
                    op_with_except_start(sp)
                    sp += 2
                elif op == OP_MATCH_SEQUENCE or op == OP_MATCH_MAPPING:
                    op_match_kind(sp, op == OP_MATCH_MAPPING)
                    sp += 1
                elif op == OP_GET_LEN:
                    op_get_len(sp)
                    sp += 1
                elif op == OP_MATCH_KEYS:
                    op_match_keys(sp)
                    sp += 1
                elif op == OP_MATCH_CLASS:
                    op_match_class(sp, a)
                    sp -= 2
                else:
                    raise SystemError(f"unknown opcode {op}")
        except BaseException as e:
            # find the handler, unwinding frames (or leave, raising, past the entry frame)
            unwind_to_handler(vm, f, e, pc, sp - stack, reraise, raised_by_op)
            reraise = False
            raised_by_op = False
            f = reload_frame(vm, stack, gv, &ip, &consts, &fast, &sp, &pc)
LimitExceeded = _LimitExceeded


def current_vm():
    """The VM whose run is in progress (None outside a run)."""
    return cur_vm()


def charge(Py_ssize_t steps, long long nbytes=0):
    """Count `steps` units of work done by host-side module code for the running sandbox (and
    `nbytes` it allocated, for the memory estimate), checking its limits when the budget runs
    out (a no-op outside a run)."""
    cdef VM vm = cur_vm()
    if vm is None or not vm.running:
        return None
    if nbytes > 0:
        account(vm, nbytes)
    vm.ticks -= steps
    if steps > 8000:
        check_cost(vm, steps * STEP_NS)     # (a big charge comes before the work it counts)
    if vm.ticks <= 0:
        check_limits(vm)
    return None
