# Limits: time (a deadline extended by host-call time, estimated costs of single long native
# operations), memory (pre-checked results, a running estimate, and a walk of the live state
# when the estimate crosses the limit), allocations (a running count).

import gc as _gc
import types as _types
import sys as _sys
from itertools import islice as _islice
from cpython.object cimport Py_SIZE

cdef extern from "Python.h":
    ctypedef struct PyObject
    Py_ssize_t Py_SIZE_RAW "Py_SIZE"(PyObject*)
    Py_ssize_t Py_REFCNT_RAW "Py_REFCNT"(PyObject*)

cdef double STEP_NS = 120e-9          # seconds per item of a native loop (pessimistic)
cdef double SORT_NS = 80e-9           # seconds per comparison of a native sort
cdef double BYTE_NS = 3e-9            # seconds per byte built or copied
cdef double MUL_NS = 14e-9            # seconds per digit**1.585 of a big-int multiplication
cdef double DIV_NS = 2.5e-9           # seconds per digit*digit of a big-int division
cdef long long TICK_BYTES = 32        # bytes assumed allocated per tick (ints, floats, appends)
cdef long long STEPS_UNCHECKED = 20000    # native loops shorter than this skip the clock
cdef object _getsizeof = _sys.getsizeof

# the size model's figures (monty/policy.py owns the model: one estimate per kind of object)
cdef long long TEXT_HDR = _policy._ASCII_HDR + 1, BYTES_HDR = _policy._BYTES_HDR + 1
cdef long long LIST_HDR = _policy._LIST_HDR + _policy._LIST_SLACK, TUPLE_HDR = _policy._TUPLE_HDR
cdef long long HASHED_HDR = _policy._HASHED_HDR, HASHED_SLOT = _policy._HASHED_SLOT
cdef long long PTR_SIZE = _policy._PTR, INT_SIZE = _policy._INT_ITEM


cdef inline long long list_size(long long n) noexcept:
    return LIST_HDR + PTR_SIZE * n


cdef inline long long tuple_size(long long n) noexcept:
    return TUPLE_HDR + PTR_SIZE * n


cdef inline long long hashed_size(long long n) noexcept:
    return HASHED_HDR + HASHED_SLOT * n


cdef inline long long bytes_size(long long n) noexcept:
    return BYTES_HDR + n


cdef int limit_fire(VM vm, int kind, long long reached=-1) except -1:
    """Unwind the run for limit `kind` (a LimitCode); `reached`: the figure measured (live
    bytes for memory), -1 when there is none. monty/limits.py makes the host's error of it."""
    vm.limit_kind = kind
    raise _LimitExceeded(kind, reached)


cdef int count_host_call(VM vm) except -1:
    """A host function is about to be called (or paused at): the run's host-call limit."""
    if vm.max_host_calls >= 0 and vm.host_calls >= vm.max_host_calls:
        limit_fire(vm, LIMIT_HOST_CALLS)
    vm.host_calls += 1
    return 0


cdef int check_time(VM vm) except -1:
    """Read the clock now (not waiting for the tick counter)."""
    if vm.deadline and monty_now() > vm.deadline:
        limit_fire(vm, LIMIT_TIME)
    return 0


cdef int check_cost(VM vm, double seconds) except -1:
    """Refuse an operation estimated to take `seconds` if it cannot end before the deadline."""
    if vm.deadline and seconds > 0.001 and monty_now() + seconds > vm.deadline:
        limit_fire(vm, LIMIT_TIME)
    return 0


cdef double CHARGE_TICK_S = 1e-6       # seconds of estimated native work counted as one tick


cdef int charge_time(VM vm, double seconds) except -1:
    """A native operation estimated to take `seconds` is about to run: refuse it if it cannot
    end before the deadline, and bring the next clock read closer by as many ticks as it
    costs (a loop of such operations, each below check_cost's threshold, reads the clock
    about every millisecond of native work instead of every TICKS of them)."""
    cdef double t
    if not vm.deadline or seconds <= 0:
        return 0
    check_cost(vm, seconds)
    t = seconds / CHARGE_TICK_S
    vm.ticks -= <int>t if t < TICKS else TICKS
    if vm.ticks <= 0:
        check_limits(vm)
    return 0


cdef double INT_TEXT_NS = 3.2e-9      # seconds per digit*digit (30-bit digits) of int -> str
cdef double TEXT_INT_NS = 1.2e-11     # seconds per char*char of str -> int


cdef inline int check_int_text(VM vm, object x) except -1:
    """int -> decimal text is quadratic in the digits (about 0.6 ms at 4300 digits)."""
    cdef Py_ssize_t d = int_digits(x)
    if d > 24:
        charge_time(vm, INT_TEXT_NS * (<double>d) * d)
    return 0


cdef int check_text_int(VM vm, object s) except -1:
    """int(str) / int(bytes): quadratic in the length of the text."""
    cdef Py_ssize_t n = len(s)
    if n > 300:
        charge_time(vm, TEXT_INT_NS * (<double>n) * n)
    return 0


cdef int account(VM vm, long long nbytes) except -1:
    """Add an estimate of freshly allocated bytes; re-measure live data past the limit."""
    vm.mem_used += nbytes
    vm.allocs += 1
    if vm.mem_used > vm.mem_limit:
        memory_pressure(vm, 0)
    if vm.allocs > vm.alloc_limit:
        limit_fire(vm, LIMIT_ALLOCATIONS)
    return 0


cdef inline int account_sp(VM vm, PyObject** sp, long long nbytes) except -1:
    """account() from the eval loop, whose value stack is exact up to `sp` at this point."""
    vm.mem_used += nbytes
    vm.allocs += 1
    if vm.mem_used > vm.mem_limit or vm.allocs > vm.alloc_limit:
        vm.mem_used -= nbytes
        vm.allocs -= 1
        vm.top_sp = sp - vm.stack
        vm.top_depth = vm.depth
        try:
            account(vm, nbytes)
        finally:
            vm.top_sp = -1
    return 0


# ------------------------------------------------------------------ the allocator guard
# The live walk measures what the sandbox holds between operations; it cannot stop one native
# call that allocates far past the limit (a dict resized inside one update(): CPython holds the
# old and the new table at once; a join building its result; a host-module helper filling a
# container). So CPython's raw allocator (every block over 512 bytes: container tables, item
# arrays, big strings and bytes) and pymalloc's arena allocator (the smaller objects) are
# wrapped: on a thread whose VM runs with a memory limit, they count the bytes handed out
# minus those freed since the last walk (`meter.net`, exact: the C library's own block sizes
# and the arenas' sizes), and refuse a request of 64 KiB or more (an arena is one) that would
# take that growth past what the limit, plus one allowance, leaves above the walked live size
# (`meter.cap`), and any request a little further. The
# native call fails with a MemoryError as on a real allocation failure, its state intact; the
# VM turns it into the memory limit error (uncatchable). Host calls and the print callback run
# with the guard off (their allocations are the host's), and so does the walk itself. The
# guard is installed once, and only over the C library's allocator (not under debug hooks or
# a tracer started before monty: block sizes would be unknown there).

cdef extern from *:
    """
    #include <stdlib.h>
    #if defined(__APPLE__)
    #include <malloc/malloc.h>
    #define monty_usable(p) ((long long)malloc_size(p))
    #elif defined(_WIN32)
    #include <malloc.h>
    #define monty_usable(p) ((long long)_msize(p))
    #elif defined(__GLIBC__)
    #include <malloc.h>
    #define monty_usable(p) ((long long)malloc_usable_size(p))
    #else
    #define MONTY_NO_GUARD 1
    #define monty_usable(p) 0LL
    #endif

    #define MONTY_GUARD_MIN (64 * 1024)
    static _Thread_local monty_meter *monty_meter_cur = NULL;
    static PyMemAllocatorEx monty_raw_prev;
    static int monty_guard_on = 0;

    #define MONTY_GUARD_SMALL_SLACK (4LL << 20)

    /* Whether to refuse growing the heap by `grow` bytes: a large request past the cap; any
       request past the cap plus a little (pymalloc, refused a new arena, falls back to the
       raw allocator for each small object). After a refusal the cap moves up by the slack it
       was given, so the unwinding the MemoryError starts can allocate. */
    static int monty_refuse(monty_meter *m, long long grow) {
        if (m->net + grow <= m->cap)
            return 0;
        if (grow < MONTY_GUARD_MIN && m->net + grow <= m->cap + MONTY_GUARD_SMALL_SLACK)
            return 0;
        m->refused = grow > 0 ? grow : 1;
        m->cap = m->net + MONTY_GUARD_SMALL_SLACK * 2;
        return 1;
    }

    static void *monty_raw_malloc(void *ctx, size_t n) {
        monty_meter *m = monty_meter_cur;
        void *p;
        if (m != NULL && monty_refuse(m, (long long)n))
            return NULL;
        p = monty_raw_prev.malloc(monty_raw_prev.ctx, n);
        if (m != NULL && p != NULL)
            m->net += monty_usable(p);
        return p;
    }

    static void *monty_raw_calloc(void *ctx, size_t nelem, size_t elsize) {
        monty_meter *m = monty_meter_cur;
        void *p;
        if (m != NULL && elsize != 0 && nelem <= ((size_t)-1) / elsize
                && monty_refuse(m, (long long)(nelem * elsize)))
            return NULL;
        p = monty_raw_prev.calloc(monty_raw_prev.ctx, nelem, elsize);
        if (m != NULL && p != NULL)
            m->net += monty_usable(p);
        return p;
    }

    static void *monty_raw_realloc(void *ctx, void *ptr, size_t n) {
        monty_meter *m = monty_meter_cur;
        long long old;
        void *p;
        if (m == NULL)
            return monty_raw_prev.realloc(monty_raw_prev.ctx, ptr, n);
        old = ptr != NULL ? monty_usable(ptr) : 0;
        if (monty_refuse(m, (long long)n - old))
            return NULL;
        p = monty_raw_prev.realloc(monty_raw_prev.ctx, ptr, n);
        if (p != NULL)
            m->net += monty_usable(p) - old;
        return p;
    }

    static void monty_raw_free(void *ctx, void *ptr) {
        monty_meter *m = monty_meter_cur;
        if (m != NULL && ptr != NULL)
            m->net -= monty_usable(ptr);
        monty_raw_prev.free(monty_raw_prev.ctx, ptr);
    }

    /* pymalloc's arenas (where objects of 512 bytes or less live): sizes are given */
    static PyObjectArenaAllocator monty_arena_prev;

    static void *monty_arena_alloc(void *ctx, size_t n) {
        monty_meter *m = monty_meter_cur;
        void *p;
        if (m != NULL && monty_refuse(m, (long long)n))
            return NULL;
        p = monty_arena_prev.alloc(monty_arena_prev.ctx, n);
        if (m != NULL && p != NULL)
            m->net += (long long)n;
        return p;
    }

    static void monty_arena_free(void *ctx, void *ptr, size_t n) {
        monty_meter *m = monty_meter_cur;
        if (m != NULL && ptr != NULL)
            m->net -= (long long)n;
        monty_arena_prev.free(monty_arena_prev.ctx, ptr, n);
    }

    static int monty_guard_install(void) {
    #ifdef MONTY_NO_GUARD
        return 0;
    #else
        PyMemAllocatorEx cur, mine;
        PyObjectArenaAllocator arenas;
        void *probe;
        long long size;
        if (monty_guard_on)
            return 1;
        PyMem_GetAllocator(PYMEM_DOMAIN_RAW, &cur);
        if (cur.ctx != NULL)
            return 0;            /* debug hooks or a tracer underneath: block sizes unknown */
        probe = cur.malloc(NULL, 200000);
        if (probe == NULL)
            return 0;
        size = monty_usable(probe);
        cur.free(NULL, probe);
        if (size < 200000 || size > 200000 + 65536)
            return 0;            /* not the C library's malloc */
        monty_raw_prev = cur;
        mine.ctx = NULL;
        mine.malloc = monty_raw_malloc;
        mine.calloc = monty_raw_calloc;
        mine.realloc = monty_raw_realloc;
        mine.free = monty_raw_free;
        PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &mine);
        PyObject_GetArenaAllocator(&monty_arena_prev);
        arenas.ctx = NULL;
        arenas.alloc = monty_arena_alloc;
        arenas.free = monty_arena_free;
        PyObject_SetArenaAllocator(&arenas);
        monty_guard_on = 1;
        return 1;
    #endif
    }
    """
    monty_meter* monty_meter_cur
    int monty_guard_on
    int monty_guard_install()


cdef inline void meter_attach(VM vm):
    """The guard counts for `vm` on this thread (None, or a VM without a memory limit: off)."""
    global monty_meter_cur
    if vm is not None and vm.max_memory >= 0 and monty_guard_on:
        monty_meter_cur = &vm.meter
    else:
        monty_meter_cur = NULL


cdef inline monty_meter* meter_detach():
    """Guard off (host code runs, the walk runs): returns what to give back to meter_restore."""
    global monty_meter_cur
    cdef monty_meter* m = monty_meter_cur
    monty_meter_cur = NULL
    return m


cdef inline void meter_restore(monty_meter* m):
    global monty_meter_cur
    monty_meter_cur = m


cdef inline void meter_rebase(VM vm, long long live):
    """After a walk measured `live` bytes (or at a run's start, from the estimate): the native
    growth from here that the guard lets through."""
    vm.meter.net = 0
    vm.meter.cap = vm.max_memory + vm.mem_grace + kept_allowance(vm) - live


cdef inline void meter_open(VM vm):
    """No cap: outside a run's limits (a new VM, between runs) the guard refuses nothing."""
    vm.meter.net = 0
    vm.meter.cap = (<long long>1) << 62
    vm.meter.refused = 0


cdef inline bint meter_refused(VM vm):
    """Whether the guard refused an allocation of this VM since the last call (and forget it)."""
    if vm.meter.refused == 0:
        return False
    vm.meter.refused = 0
    return True


monty_guard_install()


cdef inline long long kept_allowance(VM vm):
    """What a run may add over data earlier runs kept near the limit: 1/16 of the limit,
    between 1 MiB and 32 MiB."""
    cdef long long allow = vm.max_memory >> 4
    if allow < (1 << 20):
        allow = 1 << 20
    if allow > (32 << 20):
        allow = 32 << 20
    return allow


cdef int memory_pressure(VM vm, long long need) except -1:
    """The running estimate crossed the limit: measure live data; fire only if it (plus
    `need`, a result about to be built) really exceeds the limit.

    Data a run keeps in the globals stays counted by the next runs (limits_start). A bomb
    stopped by either limit can leave the globals at or a little over the limit (small
    allocations between two walks), and the Sandbox must stay usable after it: so the first
    walk of a run that has allocated at most `kept_allowance` itself gives the run that much
    room above what it found kept (mem_grace), never more than `kept_allowance` over the limit
    in all. The grace lasts for that run only: runs cannot ratchet it up, and memory stays
    bounded by the limit plus one allowance."""
    cdef long long allow, grace
    if vm.max_memory < 0:
        vm.mem_used = 0
        return 0
    live = measure_live(vm)
    if vm.mem_run_start >= 0:
        allow = kept_allowance(vm)
        if vm.mem_used - vm.mem_run_start <= allow:
            grace = live + allow - vm.max_memory
            if grace > allow:
                grace = allow
            if grace > 0:
                vm.mem_grace = grace
                vm.mem_limit = vm.max_memory + grace
        vm.mem_run_start = -1
    if live + need > vm.max_memory + vm.mem_grace:
        limit_fire(vm, LIMIT_MEMORY, live + need)
    collect_old(vm, vm.mem_used - live)
    vm.mem_used = live
    meter_rebase(vm, live)
    return 0


# ------------------------------------------------------------------ CPython's cyclic collector
# A full (generation 2) collection walks every tracked container in the process: with the
# millions a bomb holds it takes 100-300 ms of C that nothing can interrupt, and CPython starts
# one whenever 25% more objects survived since the last (11 of them in a 2 s list-append bomb,
# 1.3 s in all, the last one 290 ms past the deadline). While a memory-limited run is going,
# automatic full collections are held off (generation 2's threshold set out of reach; young
# collections stay automatic: they only look at recent objects) and the VM runs them itself
# where memory is at stake: when the running estimate crossed the limit and the live walk found
# the data under it. The estimate adds allocations and never subtracts frees, so the cyclic
# garbage that only a full collection frees is less than what it counted since the last walk:
# collecting there keeps memory as bounded as the estimate. A collection that is not expected
# to end before the deadline (its time per object is measured) raises the time limit at once,
# as a native operation would. The previous thresholds come back when the outermost run ends.

cdef int GC_HOLD = 1 << 30
cdef int _gc_nest = 0
cdef object _gc_saved = None
cdef double _gc_object_ns = 150e-9     # seconds per object of a full collection (re-measured)
cdef long long _walk_objects = 0       # objects the last live walk queued
cdef long _gc_own2 = 0                 # generation 2's count after the VM's young collection
cdef long long GC_HOST_OBJECTS = 100000    # the host's own tracked objects, roughly
cdef double _gc_block_ns = 30e-9      # seconds per allocated block of a full collection (re-measured)
cdef object _getallocatedblocks = _sys.getallocatedblocks


cdef double _gc_spent = 0.0        # seconds of collections seen while a run holds the gc
cdef double _gc_began = 0.0
cdef double _gc_mark = 0.0         # _gc_spent when the current host call began


def _gc_timer(phase, info):
    """(gc.callbacks, during runs) the time collections take: one that a host call's
    allocations trigger is the sandbox's work, not the host's."""
    global _gc_spent, _gc_began
    if phase == "start":
        _gc_began = monty_now()
    else:
        _gc_spent += monty_now() - _gc_began


cdef inline double host_clock():
    """The clock at the start of a host call (see host_time); the allocator guard is off until
    host_time (the host's allocations are its own)."""
    global _gc_mark
    _gc_mark = _gc_spent
    meter_detach()
    return monty_now()


cdef int gc_enter(VM vm) except -1:
    """Hold off automatic full collections for this run: called at its first limit check (a
    run too short to reach one costs nothing here)."""
    global _gc_nest, _gc_saved, _gc_own2
    if vm.gc_held:
        return 0
    vm.gc_held = True
    _gc_nest += 1
    if _gc_nest == 1:
        _gc.callbacks.append(_gc_timer)
    if _gc_nest == 1 and vm.max_memory >= 0:
        th = _gc.get_threshold()
        if th[2] < GC_HOLD:
            _gc_saved = th
            _gc_own2 = 0
            _gc.set_threshold(th[0], th[1], GC_HOLD)
    return 0


cdef int gc_exit(VM vm) except -1:
    global _gc_nest, _gc_saved
    meter_open(vm)          # between runs (a snapshot's modules re-run on load) it refuses nothing
    if not vm.gc_held:
        return 0
    vm.gc_held = False
    _gc_nest -= 1
    if _gc_nest == 0:
        try:
            _gc.callbacks.remove(_gc_timer)
        except ValueError:
            pass
    if _gc_nest == 0 and _gc_saved is not None:
        th = _gc_saved
        _gc_saved = None
        _gc.set_threshold(*th)
        if _gc.get_count()[2] > th[2]:
            # a full collection is due: without this young one it could start at the next
            # few allocations, before control is back with the caller
            _gc.collect(0)
    return 0


cdef int collect_old(VM vm, long long garbage) except -1:
    """Free the cyclic garbage made since the last walk: a young collection (cheap: recent
    objects only; CPython's count of them goes up only with allocations that outlive their
    statement, so big cycles dropped every iteration (a = [list(range(20000))]; a.append(a))
    could pile up hundreds of MB before it triggers), and a full one if the young collections
    promoted anything since the last."""
    global _gc_object_ns, _gc_own2, _gc_block_ns
    if _gc_nest == 0 or _gc_saved is None:
        return 0
    counts = _gc.get_count()
    if <long>counts[2] <= _gc_own2:
        if counts[0] or counts[1]:
            _gc.collect(1)
            _gc_own2 = _gc.get_count()[2]   # the survivors it promoted are live: not due yet
        return 0
    if garbage < (vm.max_memory >> 4):
        # the estimate (allocations since the last walk) is within 1/16 of the limit of what
        # the walk found live: a full collection can free no more than that, and costs a pass
        # over every container (0.4 s for 3300 rows of [0] * 10**4)
        return 0
    # the pass covers the host's containers too: a host holding millions (a long-lived server,
    # a test process) makes it seconds, so its size is read from the allocator's block count
    cdef double objects = <double>(_walk_objects + GC_HOST_OBJECTS)
    cdef double blocks = <double>_getallocatedblocks()
    cdef double cost = objects * _gc_object_ns
    if blocks * _gc_block_ns > cost:
        cost = blocks * _gc_block_ns
    if vm.deadline and monty_now() + cost > vm.deadline:
        limit_fire(vm, LIMIT_TIME)
    cdef double t0 = monty_now()
    _gc.collect()
    _gc_own2 = 0
    cdef double took = monty_now() - t0
    cdef double per = took / objects
    _gc_object_ns = per if per > _gc_object_ns * 0.5 else _gc_object_ns * 0.5
    if _gc_object_ns < 20e-9:
        _gc_object_ns = 20e-9
    if blocks > 0:
        per = took / blocks
        _gc_block_ns = per if per > _gc_block_ns * 0.5 else _gc_block_ns * 0.5
        if _gc_block_ns < 5e-9:
            _gc_block_ns = 5e-9
    return 0


cdef int precheck_bytes(VM vm, object nbytes) except -1:
    """policy.precheck: a result of `nbytes` bytes is about to be built."""
    cdef long long n
    if nbytes <= 0:
        return 0
    if vm.max_memory >= 0:
        if nbytes > vm.max_memory:
            limit_fire(vm, LIMIT_MEMORY, vm.mem_used + nbytes if nbytes < (1 << 62) else -1)
        n = nbytes
        if vm.mem_used + n > vm.mem_limit:
            memory_pressure(vm, n)
        vm.mem_used += n
    else:
        n = nbytes if nbytes < (1 << 62) else (1 << 62)
    vm.allocs += 1
    if vm.allocs > vm.alloc_limit:
        limit_fire(vm, LIMIT_ALLOCATIONS)
    if (1 << 20) < n <= _policy.MAX_SINGLE_ALLOC:     # bigger: refused by the caller
        check_cost(vm, n * BYTE_NS)
    return 0


def _policy_precheck(nbytes):
    cdef VM vm = cur_vm()
    if vm is not None and vm.running:
        precheck_bytes(vm, nbytes)


def _policy_precheck_steps(nsteps):
    cdef VM vm = cur_vm()
    if vm is not None and vm.running and nsteps > 0:
        if nsteps > STEPS_UNCHECKED:
            check_cost(vm, nsteps * STEP_NS)
        if nsteps > 16:
            charge_time(vm, nsteps * STEP_NS)


def _policy_bury(obj):
    cdef VM vm = cur_vm()
    if vm is not None and vm.limit_kind != LIMIT_NONE:
        if vm.graveyard is None:
            vm.graveyard = []
        vm.graveyard.append(obj)


# ------------------------------------------------------------------ the live-data walk

cdef long long WALK_CHECK = 16384      # items the walk handles between two clock reads
cdef long long _walk_work = 0


cdef int walk_check(VM vm) except -1:
    """The clock, every WALK_CHECK items of the walk, however they are spread over containers
    (read per container, a list of lists of 300 items went 2.4 million items unchecked)."""
    global _walk_work
    _walk_work = WALK_CHECK
    if vm.running:
        check_time(vm)
    return 0


cdef long long measure_live(VM vm) except -1:
    """Bytes of data reachable from the sandbox's state: globals, every frame's slots and
    value stack, the exception being handled; each object counted once (sys.getsizeof).
    The allocator guard is off while it walks (its work tables are not the sandbox's)."""
    cdef monty_meter* m = meter_detach()
    try:
        return walk_live(vm)
    finally:
        meter_restore(m)


cdef long long walk_live(VM vm) except -1:
    global _walk_objects, _walk_work
    cdef set seen = set()
    cdef list todo = []
    cdef long long total = 0
    cdef int i
    cdef PyObject* p
    cdef long long count = 0, before
    cdef int r
    cdef PyObject** items = (<PyListObject*>vm.gvals).ob_item
    for i in range(len(vm.gvals)):
        p = items[i]
        if p != NULL:
            todo.append(<object>p)
    cdef Frame* f
    cdef int j, end
    cdef Code code
    for i in range(vm.depth):
        f = &vm.frames[i]
        if f.base >= 0:
            code = <Code>f.code
            for j in range(f.base, f.base + code.nslots):
                p = vm.stack[j]
                if p != NULL:
                    todo.append(<object>p)
        # a frame's saved value stack is exact only while it is suspended in a sandbox call,
        # or (top_sp) while the loop waits on native code or accounts an allocation
        end = -1
        if i + 1 < vm.depth and not vm.frames[i + 1].entry:
            end = f.sp
        elif i + 1 == vm.top_depth and vm.top_sp >= f.stack_base:
            end = vm.top_sp
        elif f.wait_sp >= f.stack_base:
            end = f.wait_sp
        if end >= 0:
            for j in range(f.stack_base, end):
                p = vm.stack[j]
                if p != NULL:
                    todo.append(<object>p)
    if vm.handled is not None:
        todo.append(vm.handled)
    todo.extend(_policy.building())     # lists being filled by native code (list(gen)...)
    if vm.modules:
        todo.append(vm.modules)         # imported modules (their per-sandbox state)
    if vm.context_state is not None:
        todo.append(vm.context_state)   # contextvars' current context and its values
    if vm.module_state is not None:
        todo.append(vm.module_state)    # e.g. decimal's current context
    if vm.dataclasses:
        todo.append(vm.dataclasses)     # sandbox copies of host dataclasses (class attributes)
    _walk_work = WALK_CHECK
    cdef monty_mwalk w
    w.todo = <PyObject*>todo
    w.total = 0
    w.work = 0
    w.small_lo = _small_lo
    w.small_hi = _small_hi
    w.deadline = vm.deadline if vm.running else 0.0
    w.nested = 0
    w.stop = 0
    w.last_type = NULL
    cdef dict sizers = {}
    opaque_types()
    cdef list unique = []       # containers only one container refers to: never in `seen`
    w.unique = <PyObject*>unique
    while True:
        if unique:
            o = unique.pop()
        elif todo:
            o = todo.pop()
            k = id(o)
            if k in seen:
                continue
            seen.add(k)
        else:
            break
        count += 1
        _walk_work -= 1
        if _walk_work <= 0:
            walk_check(vm)
        t = type(o)
        if t is int or t is float or t is str or t is bytes or t is bool:
            total += heap_bytes(_getsizeof(o))
            continue
        if t is list or t is tuple or t is set or t is frozenset or t is dict:
            # the items through the C visitor: leaves sized at once, the rest queued
            total += container_bytes(o, t)
            before = w.work
            if t is dict:
                r = monty_mwalk_dict(<PyObject*>o, &w)
            elif t is list or t is tuple:
                r = monty_mwalk_seq(<PyObject*>o, &w)
            else:
                r = monty_mwalk_traverse(<PyObject*>o, &w)
            if r < 0:
                walk_stopped(vm, &w)
            _walk_work -= w.work - before
            if _walk_work <= 0:
                walk_check(vm)
        elif t is Function:
            total += 96
            fn = <Function>o
            if fn.defaults is not None:
                todo.append(fn.defaults)
            if fn.kwdefaults is not None:
                todo.append(fn.kwdefaults)
            if fn.closure is not None:
                todo.append(fn.closure)
            if fn.attrs is not None:
                todo.append(fn.attrs)
            if fn.meta is not None:
                todo.append(fn.meta)
        elif t is Cell:
            total += 32
            if (<Cell>o).contents is not UNBOUND:
                todo.append((<Cell>o).contents)
        elif t is BoundMethod:
            total += 48
            todo.append((<BoundMethod>o).func)
            todo.append((<BoundMethod>o).self_obj)
        else:
            before = w.work
            total += generic_bytes(vm, o, t, &w, sizers)
            _walk_work -= w.work - before
            if _walk_work <= 0:
                walk_check(vm)
    _walk_objects = count
    return total + w.total



# ------------------------------------------------------------------ the generic part of the walk
# Everything that is not one of the exact builtin types above (instances of sandbox classes and
# their dicts and slots, sandbox classes, subclasses of builtins, deques, Counters, lru_cache
# wrappers, partials, iterators, match objects, exceptions, suspended generators, cells...) is
# walked the way CPython's cyclic collector walks it: through its type's tp_traverse, which
# visits every object reference it holds, whatever its kind. Each object is sized as the
# allocator holds it: the __sizeof__ of the first class on its MRO that sandbox code did not
# define (a sandbox `__sizeof__` is never called), plus the collector's header. Host-owned
# objects are never walked into: classes other than the sandbox's, modules, code, the VM,
# host and VM builtins, frames; of a host-defined Python function only what a closure or a
# default holds is walked (never its globals).

cdef extern from *:
    """
    typedef struct {
        PyObject* todo;      /* list: objects possibly reached again (memoised by id) */
        PyObject* unique;    /* list: objects only one reference leads to */
        long long total;     /* bytes of the leaves sized in the visitor */
        long long work;      /* references visited */
        size_t small_lo, small_hi;
        double deadline;     /* perf_counter value; 0: none */
        PyObject* last_type; /* the last class queued (borrowed: the walk holds it) */
        int nested;          /* inside a small container the visitor sizes itself */
        int stop;            /* 1: the deadline passed; 2: an error is set */
    } monty_mwalk;

    static inline long long monty_heap_bytes(long long n) {
        if (n <= 512) return (n + 15) & ~15LL;
        return (n + 23) & ~15LL;
    }

    /* sys.getsizeof of an exact int, float, str or bytes (no collector header) */
    static long long monty_int_bytes(PyObject* o, Py_ssize_t* ndigits) {
    #if PY_VERSION_HEX >= 0x030C0000
        Py_ssize_t n = (Py_ssize_t)(((PyLongObject*)o)->long_value.lv_tag >> 3);
        *ndigits = n;
        return (long long)offsetof(PyLongObject, long_value.ob_digit) + (long long)(n ? n : 1) * sizeof(digit);
    #else
        Py_ssize_t n = Py_SIZE(o);
        if (n < 0) n = -n;
        *ndigits = n;
        return (long long)offsetof(PyLongObject, ob_digit) + (long long)n * sizeof(digit);
    #endif
    }

    static long long monty_str_bytes(PyObject* o) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(o);
        long long size;
        if (PyUnicode_IS_COMPACT_ASCII(o))
            return (long long)sizeof(PyASCIIObject) + n + 1;
        if (PyUnicode_IS_COMPACT(o))
            size = (long long)sizeof(PyCompactUnicodeObject) + (long long)(n + 1) * PyUnicode_KIND(o);
        else
            size = (long long)sizeof(PyUnicodeObject) + (long long)(n + 1) * PyUnicode_KIND(o);
        if (((PyCompactUnicodeObject*)o)->utf8 != NULL)
            size += ((PyCompactUnicodeObject*)o)->utf8_length + 1;
        return size;
    }

    static int monty_mwalk_visit(PyObject* o, void* arg);

    /* a small list or tuple only one reference leads to, sized here with its items (the
       rows of a deque of [n] lists need no queue entry each) */
    static int monty_mwalk_small(monty_mwalk* w, PyObject* o, int is_list) {
        Py_ssize_t i, n = Py_SIZE(o);
        PyObject** items;
        if (is_list) {
            Py_ssize_t alloc = ((PyListObject*)o)->allocated;
            w->total += monty_heap_bytes(16 + sizeof(PyListObject));
            if (alloc)
                w->total += monty_heap_bytes((long long)alloc * sizeof(PyObject*));
            items = ((PyListObject*)o)->ob_item;
        } else {
            w->total += monty_heap_bytes(16 + sizeof(PyTupleObject) - sizeof(PyObject*)
                                         + (long long)n * sizeof(PyObject*));
            items = ((PyTupleObject*)o)->ob_item;
        }
        w->nested = 1;
        for (i = 0; i < n; i++) {
            if (items[i] != NULL && monty_mwalk_visit(items[i], w) != 0) {
                w->nested = 0;
                return -1;
            }
        }
        w->nested = 0;
        return 0;
    }

    /* One reference the walk found (a visitproc: tp_traverse calls it too). The shared
       singletons and small ints cost nothing per reference. An int, float, str or bytes
       only this reference leads to (refcount 1) is sized at once: it cannot be reached
       twice, so it needs no entry in the walk's `seen` set (most of a big container is such
       leaves); a small shared int or float counts 1/refcount of its size at each reference
       (the key and value of {i: i}). Anything else only this reference leads to goes to
       `unique`, never memoised (an id is an int object: the set for 3 million [n] rows took
       200 MB), a small list or tuple of that kind is sized here with its items; the rest
       goes to `todo`, memoised by id. */
    static int monty_mwalk_visit(PyObject* o, void* arg) {
        monty_mwalk* w = (monty_mwalk*)arg;
        PyTypeObject* t;
        Py_ssize_t rc, nd;
        long long size;
        if (o == NULL || o == Py_None || o == Py_True || o == Py_False
                || o == Py_Ellipsis || o == Py_NotImplemented)
            return 0;
        if ((size_t)o >= w->small_lo && (size_t)o <= w->small_hi)
            return 0;
        w->work++;
        if ((w->work & 0x3FFF) == 0 && w->deadline > 0 && monty_now() > w->deadline) {
            w->stop = 1;
            return -1;
        }
        t = Py_TYPE(o);
        rc = Py_REFCNT(o);
        if (rc < 1) rc = 1;
        if (t == &PyLong_Type) {
            size = monty_heap_bytes(monty_int_bytes(o, &nd));
            if (rc == 1) { w->total += size; return 0; }
            if (nd <= 4) { w->total += size / rc; return 0; }     /* a shared small leaf */
        } else if (t == &PyFloat_Type) {
            w->total += 32 / rc;
            return 0;
        } else if (t == &PyBaseObject_Type || t == &PyComplex_Type) {
            /* leaves without references (object() sentinels by the million): sized here,
               never queued (a queue entry would cost the walk half their size again) */
            w->total += monty_heap_bytes(t->tp_basicsize) / rc;
            return 0;
        } else if (t == &PyUnicode_Type) {
            if (rc == 1) { w->total += monty_heap_bytes(monty_str_bytes(o)); return 0; }
        } else if (t == &PyBytes_Type) {
            if (rc == 1) { w->total += monty_heap_bytes((long long)offsetof(PyBytesObject, ob_sval) + 1 + Py_SIZE(o)); return 0; }
        } else if (PyType_Check(o)) {
            if (!(((PyTypeObject*)o)->tp_flags & Py_TPFLAGS_HEAPTYPE))
                return 0;           /* a static type: never the sandbox's */
            if (o == w->last_type)
                return 0;           /* the class of the instances just walked: queued once */
            w->last_type = o;
        } else if (t == &PyModule_Type) {
            return 0;
        } else if (rc == 1 && !w->nested && (t == &PyList_Type || t == &PyTuple_Type)
                   && Py_SIZE(o) <= 8) {
            return monty_mwalk_small(w, o, t == &PyList_Type);
        }
        if (PyList_Append(rc == 1 ? w->unique : w->todo, o) < 0) {
            w->stop = 2;
            return -1;
        }
        return 0;
    }

    /* visit what `o` refers to (its type's tp_traverse): 0, or -1 when the walk stopped */
    static int monty_mwalk_traverse(PyObject* o, monty_mwalk* w) {
        traverseproc tr = Py_TYPE(o)->tp_traverse;
        if (!PyType_IS_GC(Py_TYPE(o)) || tr == NULL)
            return 0;
        return tr(o, monty_mwalk_visit, w) == 0 ? 0 : -1;
    }

    static int monty_mwalk_one(PyObject* o, monty_mwalk* w) {
        return monty_mwalk_visit(o, w) == 0 ? 0 : -1;
    }

    /* the items of a list or tuple (re-read at each step: the visitor allocates, and a
       collection it triggers could run a finalizer that changes the list) */
    static int monty_mwalk_seq(PyObject* o, monty_mwalk* w) {
        Py_ssize_t i;
        size_t lo = w->small_lo, hi = w->small_hi;
        PyObject* x;
        int is_list = PyList_Check(o);
        for (i = 0; i < Py_SIZE(o); i++) {
            x = is_list ? ((PyListObject*)o)->ob_item[i] : ((PyTupleObject*)o)->ob_item[i];
            if ((i & 0x3FFF) == 0x3FFF && w->deadline > 0 && monty_now() > w->deadline) {
                w->stop = 1;
                return -1;
            }
            /* the shared singletons and small ints (most of [0] * n): skipped by address */
            if (((size_t)x >= lo && (size_t)x <= hi) || x == Py_None || x == NULL
                    || x == Py_True || x == Py_False)
                continue;
            if (monty_mwalk_visit(x, w) != 0)
                return -1;
        }
        w->work += Py_SIZE(o);
        return 0;
    }

    /* the keys and values of a dict (its tp_traverse skips str keys: they cannot form
       cycles, but they take memory) */
    static int monty_mwalk_dict(PyObject* o, monty_mwalk* w) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(o, &pos, &k, &v)) {
            if (monty_mwalk_visit(k, w) != 0 || monty_mwalk_visit(v, w) != 0)
                return -1;
        }
        return 0;
    }

    /* after tp_traverse of a dict subclass: its str keys if they are all str (the table
       tp_traverse skipped them for); 0, or -1 when the walk stopped */
    static int monty_mwalk_dict_str_keys(PyObject* o, monty_mwalk* w) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(o, &pos, &k, &v)) {
            if (!PyUnicode_CheckExact(k))
                return 0;
        }
        pos = 0;
        while (PyDict_Next(o, &pos, &k, &v)) {
            if (monty_mwalk_visit(k, w) != 0)
                return -1;
        }
        return 0;
    }

    /* the collector's header and, for instances with a managed dict, the pointers before it
       and the separately allocated attribute values (CPython 3.11+) */
    static long long monty_pre_header(PyTypeObject* t) {
        long long n = PyType_IS_GC(t) ? 16 : 0;
    #ifdef Py_TPFLAGS_MANAGED_DICT
        if (t->tp_flags & Py_TPFLAGS_MANAGED_DICT)
            n += 2 * sizeof(PyObject*) + 64;
    #endif
        return n;
    }
    """
    ctypedef struct monty_mwalk:
        PyObject* todo
        PyObject* unique
        long long total
        long long work
        size_t small_lo, small_hi
        double deadline
        PyObject* last_type
        int nested
        int stop
    int monty_mwalk_traverse(PyObject* o, monty_mwalk* w)
    int monty_mwalk_one(PyObject* o, monty_mwalk* w)
    int monty_mwalk_seq(PyObject* o, monty_mwalk* w)
    int monty_mwalk_dict(PyObject* o, monty_mwalk* w)
    int monty_mwalk_dict_str_keys(PyObject* o, monty_mwalk* w)
    long long monty_pre_header(PyObject* t)


cdef object _PyFunctionType = _types.FunctionType
cdef object _object_sizeof = object.__dict__["__sizeof__"]
cdef object _type_sizeof = type.__dict__["__sizeof__"]
cdef object _range_attrs = ("start", "stop", "step")
cdef set _OPAQUE_TYPES = None


cdef set opaque_types():
    """Host-owned kinds: objects of these types are never walked into (nor counted)."""
    global _OPAQUE_TYPES
    if _OPAQUE_TYPES is None:
        # (a def function of this module: a Cython function, whose globals are the VM's)
        _OPAQUE_TYPES = {type(_sys), _types.CodeType, _types.FrameType, VM, Code, HostFunction,
                         VMBuiltin, type(limits_measure), type(None), type(NotImplemented),
                         type(Ellipsis), _types.MappingProxyType, _policy.OpaqueType}
        try:
            import regex as _regex      # the re module's engine: its match objects have no
            _ATTR_REFS[type(_regex.match("", ""))] = ("string",)   # tp_traverse
            _ATTR_REFS[type(_regex.compile(""))] = ("pattern",)
        except ImportError:
            pass
    return _OPAQUE_TYPES


cdef dict _ATTR_REFS = {}   # native types whose references tp_traverse does not show: the
                            # attributes that hold them


cdef object sizer_of(object t):
    """How objects of class `t` are sized: an int (a fixed size: object.__sizeof__ of a class
    without items) or the __sizeof__ of the first class on t's MRO sandbox code did not define,
    as (function, pre-header bytes)."""
    cdef long long pre = monty_pre_header(<PyObject*>t)
    for klass in t.__mro__:
        if is_sandbox_type(klass):
            continue
        fn = klass.__dict__.get("__sizeof__")
        if fn is None:
            continue
        if fn is _object_sizeof and t.__itemsize__ == 0:
            return heap_bytes(t.__basicsize__ + pre)
        return (fn, pre)
    return heap_bytes(t.__basicsize__ + pre)


cdef long long generic_bytes(VM vm, object o, object t, monty_mwalk* w, dict sizers) except -1:
    """The bytes of `o` (an object none of the walk's fast paths knows), its references
    queued (or sized at once) through the visitor."""
    cdef long long size
    if isinstance(o, type):
        if not is_sandbox_type(o):
            return 0
        size = heap_bytes(_type_sizeof(o) + 16)
    elif t in _OPAQUE_TYPES:
        return 0
    elif t is _PyFunctionType:
        # a function host code made (a module's, a closure): its closure, defaults and
        # attributes, never its globals or code
        for x in (o.__closure__, o.__defaults__, o.__kwdefaults__):
            if x is not None:
                visit_one(vm, w, x)
        return heap_bytes(_getsizeof(o))
    elif t is HostFuture:
        visit_one(vm, w, (<HostFuture>o).value)
        return 64
    elif t is range:
        for name in _range_attrs:
            visit_one(vm, w, getattr(o, name))
        return heap_bytes(_getsizeof(o))
    else:
        s = sizers.get(t)
        if s is None:
            s = sizers[t] = sizer_of(t)
        if type(s) is int:
            size = s
        else:
            size = heap_bytes((<tuple>s)[0](o) + <long long>(<tuple>s)[1])
    if monty_mwalk_traverse(<PyObject*>o, w) < 0:
        walk_stopped(vm, w)
    if isinstance(o, dict) and monty_mwalk_dict_str_keys(<PyObject*>o, w) < 0:
        walk_stopped(vm, w)
    attrs = _ATTR_REFS.get(t)
    if attrs is not None:
        for name in <tuple>attrs:
            visit_one(vm, w, getattr(o, name, None))
    return size


cdef int visit_one(VM vm, monty_mwalk* w, object x) except -1:
    if monty_mwalk_one(<PyObject*>x, w) < 0:
        walk_stopped(vm, w)
    return 0


cdef int walk_stopped(VM vm, monty_mwalk* w) except -1:
    """The visitor stopped: the deadline passed (the time limit), or an error (raise it)."""
    if w.stop == 2:
        raise MemoryError("the live-data walk could not queue an object")
    if vm is not None and vm.running:
        limit_fire(vm, LIMIT_TIME)
    raise MemoryError("the live-data walk ran out of time")


cdef inline long long heap_bytes(long long n):
    """What an allocation of n bytes takes from the allocator: pymalloc (up to 512 bytes)
    rounds to 16; malloc adds an 8-byte header and rounds to 16."""
    if n <= 512:
        return (n + 15) & ~15
    return (n + 23) & ~15


cdef long long container_bytes(object o, type t):
    """A builtin container's memory: sys.getsizeof (which counts the 16-byte GC header and a
    list's spare capacity) with the object and its separately allocated item table each
    rounded as the allocator does. An item like [n] takes 64 + 16 bytes, not getsizeof's 64."""
    cdef long long n = _getsizeof(o), head
    if t is tuple:
        return heap_bytes(n)
    if t is list:
        head = 56
    elif t is dict:
        head = 64
    else:
        head = 216          # set, frozenset (a table of 8 entries inline)
    if n <= head:
        return heap_bytes(n)
    return heap_bytes(head) + heap_bytes(n - head)


cdef size_t _small_lo = 0, _small_hi = 0       # the small ints' table (-5..256), if contiguous
if id(256) - id(-5) == 261 * (id(1) - id(0)) and id(1) > id(0):
    _small_lo = id(-5)
    _small_hi = id(256)


cdef int native_tick() except -1:
    """A VM iterator produced an item for native code (sum, join, list...): tick like a loop."""
    cdef VM vm = cur_vm()
    if vm is not None:
        vm.ticks -= 1
        if vm.ticks <= 0:
            check_limits(vm)
    return 0


# ------------------------------------------------------------------ costs of native operations

cdef inline Py_ssize_t int_digits(object v):
    cdef Py_ssize_t n = Py_SIZE_RAW(<PyObject*>v)
    return -n if n < 0 else n


cdef int check_int_mul(VM vm, object a, object b) except -1:
    """Time of a big-int multiplication (Karatsuba: about n**1.585 in the smaller size)."""
    cdef Py_ssize_t x = int_digits(a), y = int_digits(b), small, big
    if x < 300 or y < 300:
        return 0
    small, big = (x, y) if x < y else (y, x)
    check_cost(vm, MUL_NS * (<double>small) ** 1.585 * (<double>big / small))
    return 0


cdef int check_int_div(VM vm, object a, object b) except -1:
    """Time of a big-int division or modulo (schoolbook: digits(a) * digits(b))."""
    cdef Py_ssize_t x = int_digits(a), y = int_digits(b)
    if x < 300 or y < 2 or y > x:
        return 0
    check_cost(vm, DIV_NS * (<double>x) * y)
    return 0


cdef int check_int_pow(VM vm, object base, object exp, object mod) except -1:
    """Time of int ** int (the last squarings dominate) and of three-argument pow."""
    cdef double d, m
    if type(base) is not int or type(exp) is not int:
        base, exp = _policy.exact_int(base), _policy.exact_int(exp)
        if base is None or exp is None:
            return 0
    if exp <= 1:
        return 0
    if mod is not None:
        if type(mod) is not int:
            mod = _policy.exact_int(mod)
            if mod is None:
                return 0
        m = int_digits(mod)
        if m < 50:
            return 0
        d = exp.bit_length() * 2.0
        check_cost(vm, d * (MUL_NS * m ** 1.585 + DIV_NS * m * m))
        return 0
    if -1 <= base <= 1:
        return 0
    d = (abs(base).bit_length() * <double>exp) / 30.0
    if d < 600:
        return 0
    check_cost(vm, 2.0 * MUL_NS * (d / 2.0) ** 1.585)
    return 0


cdef inline int check_binary(VM vm, int op, PyObject* v, PyObject* w) except -1:
    """Called for int (op) int in the eval loop before the operation runs."""
    if op == 2 or op == 15:
        return check_int_mul(vm, <object>v, <object>w)
    if op == 4 or op == 17 or op == 5 or op == 18:
        return check_int_div(vm, <object>v, <object>w)
    return 0


cdef int check_contains(VM vm, object container, object item) except -1:
    """`item in container` walks list/tuple/range natively."""
    cdef type t = type(container)
    cdef int kind
    if t is list or t is tuple:
        n = len(container)
        if n > STEPS_UNCHECKED:
            check_cost(vm, n * STEP_NS)
    elif t is range:
        if type(item) is not int and type(item) is not bool:
            n = _policy._range_len(container)
            if n > STEPS_UNCHECKED:
                check_cost(vm, n * STEP_NS)
        return 0
    elif t is not str and t is not dict and t is not set and t is not frozenset:
        kind = monty_walk_kind(<PyObject*>container)
        if kind == 0 or kind == 1:
            # a list or tuple subclass: its base's search walks the items natively
            n = Py_SIZE_RAW(<PyObject*>container)
            if n > STEPS_UNCHECKED:
                check_cost(vm, n * STEP_NS)
    if vm.deadline and t is not str:
        check_search(vm, container, item)
    return 0


cdef object _log2 = None


cdef double sized_items(object it):
    """Number of items of a builtin sized iterable, or -1."""
    cost = _policy._iter_cost(it)
    if cost is None:
        return -1
    return <double>cost[0]


@cython.trashcan(True)
cdef class TickIter:
    """Wraps a lazy iterable handed to a native builtin so the clock is read every 4096 items."""
    cdef object it
    cdef VM vm
    cdef int n

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n >= 4096:
            self.n = 0
            check_time(self.vm)
            account(self.vm, 4096 * TICK_BYTES)
        x = next(self.it)
        if self.vm.deadline and walkable(<PyObject*>x):
            # an item a native builtin compares or hashes (max, set, dict...)
            check_units(self.vm, <PyObject*>x, 1.0, NULL, 2.0)
        return x


cdef object ticking(VM vm, object iterable):
    cdef TickIter t
    if isinstance(iterable, SandboxIter):
        t = TickIter.__new__(TickIter)
        t.it = iterable
        t.vm = vm
        return t
    return iterable


cdef object _native_heavy = None


cdef object call_heavy(VM vm, object func, tuple args, dict kwargs):
    """Native builtins that loop over their argument: pre-check the cost from its size, or
    read the clock while they iterate a lazy iterator."""
    cdef double n
    if not args:
        return func(*args, **kwargs)
    a0 = args[0]
    if func is hash:
        if len(args) == 1:
            check_hash(vm, <PyObject*>a0)
        return func(*args, **kwargs)
    n = sized_items(a0)
    if func is sum and type(a0) is range and not kwargs and (len(args) == 1 or type(args[1]) is int):
        r = <object>a0
        cnt = _policy._range_len(r)
        start = args[1] if len(args) > 1 else 0
        return start + cnt * r.start + r.step * (cnt * (cnt - 1) // 2)
    if (func is sum and len(args) > 1 and (ListCheck(<PyObject*>args[1]) or TupleCheck(<PyObject*>args[1]))
            and (ListCheck(<PyObject*>a0) or TupleCheck(<PyObject*>a0))):
        check_sum_concat(vm, a0, args[1])
    if n >= 0:
        # memory first (the more precise refusal), then time
        if func is list or func is tuple or func is sorted:
            _policy.check_iterable(a0, 8)
        elif func is set or func is frozenset or func is dict:
            _policy.check_iterable(a0, 64)
        if func is sorted:
            if n > 1000:
                check_cost(vm, SORT_NS * n * _flog2(n))
        elif n > STEPS_UNCHECKED:
            check_cost(vm, STEP_NS * n)
        if vm.deadline:
            kwargs = check_compares(vm, func, args, kwargs)
        return func(*args, **kwargs)
    if isinstance(a0, SandboxIter):
        if (func is list or func is tuple or func is sorted or func is set or func is frozenset
                or (func is dict and len(args) == 1)):
            # (collected in the VM's sight first: a limit error leaves the partial list to
            # be freed later instead of tearing down a native build before returning)
            buf = _policy.materialize(a0)
            if func is list and len(args) == 1 and not kwargs:
                return buf
            args = (buf,) + args[1:]
        else:
            args = (ticking(vm, a0),) + args[1:]
    if vm.deadline:
        kwargs = check_compares(vm, func, args, kwargs)
    return func(*args, **kwargs)


cdef int check_sum_concat(VM vm, object seqs, object start) except -1:
    """sum(seqs, []) concatenates one at a time: each step copies the whole result so far
    (quadratic: 10**5 rows of 1000 copy 5*10**12 items). Pre-check the result's size and the
    copying time."""
    cdef double total = Py_SIZE_RAW(<PyObject*>start), copies = 0
    cdef Py_ssize_t i, nseqs = Py_SIZE_RAW(<PyObject*>seqs)
    if nseqs > STEPS_UNCHECKED:
        check_cost(vm, STEP_NS * nseqs)
    for i in range(nseqs):
        x = seqs[i]
        if type(x) is list or type(x) is tuple:
            total += len(x)
            copies += total
        elif TupleCheck(<PyObject*>x) or ListCheck(<PyObject*>x):
            total += Py_SIZE_RAW(<PyObject*>x)
            copies += total
    _policy.check_alloc(_policy.list_size(total))
    check_cost(vm, 2e-9 * copies)
    return 0


cdef dict check_compares(VM vm, object func, tuple args, dict kwargs):
    """The comparisons and hashes of a heavy builtin's items (see "comparisons and hashes"):
    a sort compares each item about log2(n) times, min/max once, set/frozenset/dict hash each
    (and compare it with an equal one). A key function's results are charged as they come."""
    a0 = args[0]
    if func is sorted or func is min or func is max:
        seq = a0 if len(args) == 1 else args
        factor = 1.0
        if func is sorted:
            factor = sort_factor(len(seq)) if type(seq) is list or type(seq) is tuple else 1.0
        key = kwargs.get("key") if kwargs else None
        if key is not None:
            kwargs = dict(kwargs)
            kwargs["key"] = cost_key(vm, key, factor)
        elif not isinstance(seq, SandboxIter):
            check_walk(vm, seq, factor)
    elif func is set or func is frozenset or (func is dict and type(a0) is not dict):
        if not isinstance(a0, SandboxIter):
            check_walk(vm, a0, 2.0)
    return kwargs


cdef double _flog2(double n):
    cdef double r = 1
    while n > 2:
        n /= 2
        r += 1
    return r


cdef long long fresh_items_bytes(object seq):
    """The items a native call just made for the list or tuple it returns (list(range(n)),
    split, map...): judged by the last item, all as big as it if only `seq` refers to it
    (counting only the pointers let 5 times the limit of cyclic garbage build up between two
    memory checks)."""
    cdef Py_ssize_t n = len(seq)
    if n < 16:
        return 0
    x = seq[n - 1]
    t = type(x)
    if Py_REFCNT_RAW(<PyObject*>x) > 2:
        return 0
    if t is int or t is float:
        return 32 * n
    if t is str or t is bytes or t is list or t is tuple:
        return heap_bytes(_getsizeof(x)) * n
    return 0


cdef dict HEAVY_BUILTINS = {f: True for f in (sum, sorted, min, max, any, all, list, tuple, set,
                                               frozenset, dict, bytearray, hash)}


cdef object account_result(VM vm, object r):
    """A rough size of a native call's result, for the running memory estimate."""
    cdef type t = type(r)
    if t is str:
        account(vm, TEXT_HDR + len(r))      # (as ASCII: the kind would cost a call)
    elif t is bytes:
        account(vm, bytes_size(len(r)))
    elif t is list:
        account(vm, list_size(len(r)) + fresh_items_bytes(r))
    elif TupleCheck(<PyObject*>r):
        account(vm, tuple_size(len(r)) + (fresh_items_bytes(r) if t is tuple else 0))
        check_tuple_depth(vm, r)      # tuple(), popitem, namedtuple(...) can wrap tuples too
    elif t is dict or t is set or t is frozenset:
        account(vm, hashed_size(len(r)))
    elif monty_sub_builtin(<PyObject*>r):
        # an instance of a subclass of a builtin (S(text), L(items)...): sized as its base
        b = _policy.base_of(r)
        if b is str or b is bytes or b is bytearray:
            account(vm, bytes_size(b.__len__(r)))
        elif b is list or b is tuple:
            account(vm, list_size(b.__len__(r)))
        elif b is dict or b is set or b is frozenset:
            account(vm, hashed_size(b.__len__(r)))
    elif chain_link(<PyObject*>r):
        check_chain(vm, r)
    return r


def limits_configure(VM vm, max_memory, max_allocations):
    """Set the memory and allocation caps (None: no cap)."""
    vm.max_memory = -1 if max_memory is None else max_memory
    meter_open(vm)
    vm.mem_grace = 0
    vm.mem_limit = (1 << 62) if max_memory is None else max_memory
    vm.alloc_limit = (1 << 62) if max_allocations is None else max_allocations


def limits_start(VM vm):
    """At the start of a run: fresh counters. The memory estimate carries over from the last
    run, so data kept in globals still counts (it is the live size measured when an estimate
    last crossed the limit, plus what was allocated since: an over-estimate that the next
    crossing corrects). A small run after a big one therefore starts without walking every
    global. A sandbox whose state is unknown (new, restored from a snapshot) measures once."""
    vm.allocs = 0
    vm.last_check = monty_now()
    vm.tick_budget = TICKS
    vm.limit_kind = LIMIT_NONE
    vm.mem_grace = 0
    vm.mem_limit = (1 << 62) if vm.max_memory < 0 else vm.max_memory
    if vm.max_memory < 0:
        vm.mem_used = 0
    elif vm.mem_used < 0:
        vm.mem_used = 0
        vm.mem_used = measure_live(vm)
    vm.mem_run_start = vm.mem_used
    vm.meter.refused = 0
    meter_rebase(vm, vm.mem_used if vm.mem_used > 0 else 0)


def limits_estimate(VM vm):
    """The running memory estimate (bytes; -1 before the first run)."""
    return vm.mem_used


def limits_measure(VM vm):
    return measure_live(vm)


cdef int limits_tick(VM vm, int ticks) except -1:
    """Every `ticks` loop/call ticks: assume some small allocations happened meanwhile."""
    vm.mem_used += ticks * TICK_BYTES
    if vm.mem_used > vm.mem_limit:
        memory_pressure(vm, 0)
    return 0


cdef int check_add(VM vm, PyObject* v, PyObject* w) except -1:
    """`a + b` of sequences builds len(a) + len(b): pre-check it (a doubling loop)."""
    cdef type t = type(<object>v)
    cdef Py_ssize_t n
    if t is str:
        if type(<object>w) is str:
            n = len(<str>v) + len(<str>w)
            if n > 4096:
                precheck_bytes(vm, _policy._str_size(n, max(_policy._kind(<str>v), _policy._kind(<str>w))))
    elif t is bytearray:
        # b += x grows b in place to len(b) + len(x) (x any buffer)
        if type(<object>w) is bytes or type(<object>w) is bytearray:
            n = len(<object>v) + len(<object>w)
            if n > 512:
                precheck_bytes(vm, bytes_size(n))
    elif t is list or t is tuple or t is bytes:
        if type(<object>w) is t:
            n = len(<object>v) + len(<object>w)
            if n > 512:
                precheck_bytes(vm, bytes_size(n) if t is bytes else list_size(n))
    return 0


cdef inline bint is_heavy(PyObject* v):
    cdef object o = <object>v
    cdef type t = type(o)
    if t is _BuiltinFunctionType or t is type:
        return o in HEAVY_BUILTINS
    return False


cdef object _BuiltinFunctionType = type(len)


cdef object call_heavy_raw(VM vm, PyObject* func, PyObject** args, Py_ssize_t npos, PyObject* kwnames):
    positional, kwargs = call_args(args, npos, kwnames)
    return call_heavy(vm, <object>func, positional, kwargs)


cdef double HOST_CALL_FLOOR = 50e-6   # seconds of each host call that still count
cdef double HOST_WAIT_FLOOR = 1e-3    # ... of each wait on the private event loop


cdef long _voluntary_seen = -1, _involuntary_seen = -1


cdef bint only_preempted():
    """Whether, since the last look, this thread was only preempted (other processes ran)
    and never blocked: a host call that took long for that reason was not waiting on
    anything, and its time is not the host's. (Conservative: a preemption at any point since
    the last look counts.) False where the counts are not known."""
    global _voluntary_seen, _involuntary_seen
    cdef long voluntary, involuntary
    cdef bint r
    if monty_switches(&voluntary, &involuntary) < 0:
        return False
    r = involuntary != _involuntary_seen and voluntary == _voluntary_seen
    _voluntary_seen = voluntary
    _involuntary_seen = involuntary
    return r


cdef bint blocked_since(long voluntary0):
    """Whether this thread blocked (waited on I/O, a timer...) since it had `voluntary0`
    voluntary context switches. True where the counts are not known."""
    cdef long voluntary, involuntary
    if voluntary0 < 0 or monty_switches(&voluntary, &involuntary) < 0:
        return True
    return voluntary != voluntary0


cdef int host_time(VM vm, double t0, double floor=HOST_CALL_FLOOR) except -1:
    """Time spent in a host function does not count: move the deadline by it, then read the
    clock for the sandbox's own time. The first `floor` of each call does count: it is mostly
    the boundary's own overhead (the call, the private event loop's scheduling), and a loop of
    cheap host calls must not run on past the deadline by that much per call."""
    cdef double t1 = monty_now()
    cdef double spent = t1 - t0 - (_gc_spent - _gc_mark)
    meter_attach(vm)
    if vm.deadline:
        if spent > floor and not only_preempted():
            vm.deadline += spent - floor
            if vm.wall_deadline and vm.deadline > vm.wall_deadline:
                vm.deadline = vm.wall_deadline      # (max_wall_time counts host time too)
        if t1 > vm.deadline:
            limit_fire(vm, LIMIT_TIME)
    return 0


cdef int limit_error(VM vm, object e) except -1:
    """A limit fired but C code replaced its exception on the way out: raise the limit."""
    cdef int kind = vm.limit_kind
    if (LIMIT_TIME <= kind <= LIMIT_ALLOCATIONS or kind == LIMIT_HOST_CALLS) and not isinstance(e, _LimitExceeded):
        raise _LimitExceeded(kind, -1) from None
    return 0


cdef void bury_frame(VM vm, Frame* f) noexcept:
    """discard_frame for a limit unwind: the frame's values move to vm.graveyard instead of
    being freed now, so control returns to the host without first deallocating what the
    sandbox built (possibly hundreds of MB); they are freed at the start of the next run."""
    cdef PyObject** p = vm.stack + f.sp
    cdef PyObject** bottom = vm.stack + f.ret
    cdef PyObject* v
    if vm.graveyard is None:
        vm.graveyard = []
    while p > bottom:
        p -= 1
        v = p[0]
        p[0] = NULL
        if v != NULL:
            if PyList_Append(vm.graveyard, v) != 0:
                PyErr_Clear()
            DECREF(v)
    XDECREF(f.code)
    XDECREF(f.func)
    f.code = NULL
    f.func = NULL


cdef extern from "Python.h":
    int PyList_Append(object, PyObject*)
    void PyErr_Clear()


def limits_release(VM vm):
    """Free what the last limit unwind left behind (outside any run's time)."""
    vm.graveyard = None


# ------------------------------------------------------------------ nested tuples
# CPython hashes a tuple by hashing its items recursively in C, with no recursion guard: a
# tuple nested a million deep crashes the process when hashed. No tuple (or tuple subclass,
# such as a namedtuple) deeper than MAX_TUPLE_DEPTH may reach sandbox code: tuples the VM
# builds are checked as they are built, and every value native code hands to the loop (call
# results, subscripts, attributes, iteration, unpacking, arguments of sandbox functions called
# from C) is checked as it arrives (guard_value: a flag test for anything but a tuple). Native
# code can add only a few levels between two such checks (nested native iterators are bounded
# by the recursion guard of the iterators wrapping them), so no hash ever goes much deeper.
#
# The cap: one level of tuplehash costs about 50 bytes of C stack (measured on x86-64 with
# CPython 3.11: a chain of 160,000 crashes an 8 MiB main-thread stack), so 20,000 levels take
# about 1 MB; CPython's own threads have at least 2 MB of stack on every platform. The
# CPython test corpus builds chains of 10,001 and expects hashing them to work.
#
# Depths of 64 and more are memoised by id (with a reference, dropped at the end of the run)
# so that building a chain stays O(1) a step; within one measurement each tuple is visited
# once, however often it is shared.

cdef int MAX_TUPLE_DEPTH = 20000
cdef long long MAX_TUPLE_EXCESS = 10000000
cdef long long EXPANDED_SAT = 1LL << 60
cdef dict _tuple_depths = {}
cdef object _last_checked = None        # the last non-flat tuple checked (repeated lookups)


cdef inline object known_entry(object t):
    """(t, depth, expanded size) of a tuple remembered in this run, or None."""
    entry = _tuple_depths.get(id(t))
    if entry is not None and (<tuple>entry)[0] is t:
        return entry
    return None


cdef inline long long sat_add(long long a, long long b):
    a += b
    return a if a < EXPANDED_SAT else EXPANDED_SAT


cdef object tuple_measure(VM vm, object root):
    """(depth, expanded, distinct) of the tuples under `root` (a tuple): the nesting depth
    (MAX_TUPLE_DEPTH + 1 as soon as it is known to be deeper); the expanded size, the items
    and tuples a hash, comparison or repr goes through when the tuples are unfolded as a tree
    (1 + len for each tuple, saturating at 2**60); and the distinct size, the same counted once
    per tuple this walk visited. Iterative: sandbox data never deepens the C stack here.
    A tuple remembered from an earlier check is not walked again: its expanded size counts,
    its distinct size does not (so sharing between such tuples can only be over-counted)."""
    cdef dict local = {}
    cdef list stack = [root]
    cdef list pos = [0]
    cdef list best = [0]
    cdef list exp = [1 + len(<tuple>root)]
    cdef Py_ssize_t i, n, top
    cdef int d
    cdef long long e, distinct = 1 + len(<tuple>root)
    cdef long long visits = 0
    cdef PyObject* p
    while True:
        top = len(stack) - 1
        t = stack[top]
        i = pos[top]
        n = len(<tuple>t)
        descend = None
        while i < n:
            p = TUPLE_ITEM(<PyObject*>t, i)
            i += 1
            if TupleCheck(p):
                x = <object>p
                entry = known_entry(x)
                if entry is None:
                    entry = local.get(id(x))
                if entry is None:
                    descend = x
                    break
                d = (<tuple>entry)[1]
                e = (<tuple>entry)[2]
                if d > <int>best[top]:
                    best[top] = d
                exp[top] = sat_add(<long long>exp[top], e)
        if descend is not None:
            if top >= MAX_TUPLE_DEPTH:
                return (MAX_TUPLE_DEPTH + 1, 0, 0)
            pos[top] = i
            stack.append(descend)
            pos.append(0)
            best.append(0)
            n = len(<tuple>descend)
            exp.append(1 + n)
            distinct += 1 + n
            continue
        d = <int>best[top] + 1
        e = <long long>exp[top]
        stack.pop()
        pos.pop()
        best.pop()
        exp.pop()
        visits += 1
        if (visits & 0x3FFF) == 0:
            check_time(vm)
        if top == 0:
            return (d, e, distinct)
        entry = (t, d, e)
        local[id(t)] = entry
        if d >= 64:
            remember_tuple(t, entry)
        if d > <int>best[top - 1]:
            best[top - 1] = d
        exp[top - 1] = sat_add(<long long>exp[top - 1], e)


cdef inline int remember_tuple(object t, tuple entry) except -1:
    if len(_tuple_depths) > 200000:
        _tuple_depths.clear()
    _tuple_depths[id(t)] = entry
    return 0


cdef int check_tuple_depth(VM vm, object t) except -1:
    """Refuse a tuple nested deeper than MAX_TUPLE_DEPTH (a RecursionError, as CPython would
    give for other structures too deep to process), or one whose tuples, unfolded as a tree,
    go through more than MAX_TUPLE_EXCESS items more than the tuples themselves hold (a
    MemoryError: the value is small, its unfolding is not; see below)."""
    global _last_checked
    cdef int d
    cdef long long e, distinct
    cdef Py_ssize_t i, n = len(<tuple>t)
    if t is _last_checked:
        return 0
    for i in range(n):
        if TupleCheck(TUPLE_ITEM(<PyObject*>t, i)):
            break
    else:
        return 0            # flat: nothing to measure or remember
    if known_entry(t) is not None:
        return 0
    r = tuple_measure(vm, t)
    d = r[0]
    if d > MAX_TUPLE_DEPTH:
        raise RecursionError(f"tuples nested more than {MAX_TUPLE_DEPTH} deep are not allowed "
                             f"in the sandbox (hashing them would overflow the C stack)")
    e = r[1]
    distinct = r[2]
    if e - distinct > MAX_TUPLE_EXCESS:
        raise MemoryError(f"a tuple sharing its parts so often that, unfolded, it has more "
                          f"than {MAX_TUPLE_EXCESS} items is not allowed in the sandbox "
                          f"(hashing, comparing or printing it would never end)")
    if d >= 64:
        remember_tuple(t, (t, d, e))
    elif n <= 65536:
        _last_checked = t
    return 0


# ------------------------------------------------------------------ chains freed recursively
# CPython frees most containers through its "trashcan" (lists, tuples, dicts, sets, instances,
# exceptions, frames: past 50 nested deallocations the rest is deferred), but not slices,
# staticmethod/classmethod/property objects, cells, or the builtin and itertools iterators
# (enumerate, filter, map, zip, islice, ...): freeing a chain of them made directly of one
# another recurses in C, one stack frame a link, and a few hundred thousand links crash the
# process, whatever limit allowed building them. Such a chain is built one link at a time by
# native code, so the link's depth is checked as the link arrives in the loop (a native call's
# result, a value guard_value sees, BUILD_SLICE): no chain deeper than MAX_CHAIN_DEPTH (a
# RecursionError) is ever made. A link's depth follows only links of these types (a list or an
# instance between two of them is a trashcan level and breaks the recursion).

cdef int MAX_CHAIN_DEPTH = 1000
cdef int MAX_CHAIN_NODES = 20000
cdef object _chain_types = None     # the types above (filled on first use: itertools' too)
cdef object _get_referents = _gc.get_referents


cdef object chain_types():
    global _chain_types
    if _chain_types is None:
        import itertools as _it
        import functools as _ft
        import types as _types
        types = {slice, staticmethod, classmethod, property, enumerate, filter, map, zip,
                 reversed, type(iter(int, 1)), type(iter([])), type(iter(())),
                 _types.CellType, _ft.partial}
        for name in ("islice", "starmap", "accumulate", "cycle", "repeat", "takewhile",
                     "dropwhile", "filterfalse", "compress", "pairwise", "groupby",
                     "zip_longest", "chain", "tee", "count", "product", "permutations",
                     "combinations", "combinations_with_replacement"):
            types.add(getattr(_it, name))
        _chain_types = frozenset(types)
    return _chain_types


cdef extern from *:
    """
    static inline int monty_is_gc(PyObject *o) { return PyObject_IS_GC(o); }
    """
    bint monty_is_gc(PyObject* o)


cdef inline bint chain_link(PyObject* v):
    """Whether `v` may be a link of such a chain (a flag test first: these are all GC types;
    then the common containers and every heap type, whose instances are freed through the
    trashcan by CPython's subtype_dealloc, without the set lookup)."""
    cdef PyObject* t
    if not monty_is_gc(v) or TupleCheck(v):
        return False
    t = TYPE(v)
    if (t == <PyObject*>list or t == <PyObject*>dict
            or PyType_GetFlags(t) & Py_TPFLAGS_HEAPTYPE):
        return False
    return <object>t in chain_types()


cdef int check_chain(VM vm, object link) except -1:
    """Refuse `link` if the chain of such objects it heads is deeper than MAX_CHAIN_DEPTH."""
    cdef int depth, nodes = 0
    cdef set seen = set()
    cdef list todo = [(link, 1)]
    cdef object types = chain_types()
    while todo:
        obj, depth = todo.pop()
        if depth > MAX_CHAIN_DEPTH or nodes > MAX_CHAIN_NODES:
            raise RecursionError(f"{type(link).__name__} objects nested more than "
                                 f"{MAX_CHAIN_DEPTH} deep are not allowed in the sandbox "
                                 f"(freeing them would overflow the C stack)")
        nodes += 1
        for child in _get_referents(obj):
            if type(child) in types and id(child) not in seen:
                seen.add(id(child))
                todo.append((child, depth + 1))
    return 0


cdef int check_tuple_depth_ref(VM vm, PyObject* t) except -1:
    return check_tuple_depth(vm, <object>t)


cdef inline int guard_value(VM vm, PyObject* v) except -1:
    """A value native code hands to the loop: refuse it if it is a tuple nested too deep, or
    a link of a chain freed recursively that is too deep."""
    if TupleCheck(v):
        check_tuple_depth(vm, <object>v)
    elif chain_link(v):
        check_chain(vm, <object>v)
    return 0


cdef int guard_args(VM vm, tuple args, dict kwargs) except -1:
    """Arguments C code passes to a sandbox function (key functions, map, dunder slots...)."""
    for a in args:
        guard_value(vm, <PyObject*>a)
    if kwargs:
        for a in kwargs.values():
            guard_value(vm, <PyObject*>a)
    return 0


def limits_end_run():
    global _last_checked
    _tuple_depths.clear()
    _last_checked = None


# ------------------------------------------------------------------ comparisons and hashes
# CPython compares lists, tuples, dicts, sets and deques item by item in C, and hashes tuples
# item by item in C (tuple hashes are not cached). A list whose items share sublists
# (x = [x, x] forty times) is small, but compared with an equal copy it makes C visit 2**40
# items, which no limit check can interrupt; tuples are refused when they unfold that far (see
# above), lists cannot be (they change after any check). So every entry point that compares
# or hashes containers estimates the work first, from the operands' *units*: the items and
# containers a comparison would go through with the containers unfolded as a tree (strs,
# bytes and big ints weighted by their size), counted by an iterative walk that memoises
# shared containers (linear in the distinct containers) and stops once the count passes what
# the remaining time allows. Comparing a with b visits at most min(units(a), units(b)) pairs
# (it stops at the first difference, an identical pair costs one step); `x in seq` at most
# min(len(seq) * units(x), units(seq)); hashing a tuple units(tuple). An operation that cannot
# end before the deadline raises the time limit before it starts; a cheaper one that is still
# not trivial brings the next clock read closer (vm.ticks), so a loop of them is not late.

cdef extern from *:
    """
    typedef struct {
        PyObject* obj;      /* owned */
        PyObject* it;       /* owned iterator (sets, deques), else NULL */
        PyObject* pending;  /* owned: a dict entry's value still to visit, else NULL */
        PyObject* key;      /* owned memo key (an int), else NULL */
        Py_ssize_t pos;
        long long acc;
        int kind;
    } monty_wframe;

    static PyTypeObject* monty_deque_type = NULL;
    static PyObject* monty_class_marker = NULL;     /* "__monty_class__" */

    /* 0 list, 1 tuple, 2 dict, 3 set/frozenset, 4 deque (subclasses too); -1 anything else */
    static inline int monty_walk_kind(PyObject* o) {
        unsigned long f = Py_TYPE(o)->tp_flags;
        if (f & (Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS)) {
            if (f & Py_TPFLAGS_LIST_SUBCLASS) return 0;
            if (f & Py_TPFLAGS_TUPLE_SUBCLASS) return 1;
            return 2;
        }
        if (f & (Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS))
            return -1;
        if (PyAnySet_Check(o)) return 3;
        if (monty_deque_type != NULL && PyObject_TypeCheck(o, monty_deque_type)) return 4;
        if (f & Py_TPFLAGS_BASE_EXC_SUBCLASS) return 5;     /* its repr shows its args */
        if ((f & Py_TPFLAGS_HEAPTYPE) && monty_class_marker != NULL && !PyType_Check(o)
                && monty_is_sandbox_type((PyObject*)Py_TYPE(o), monty_class_marker)) {
            /* an instance of a sandbox class: host-made methods (a dataclass's repr, eq,
               order, hash) go through its attributes */
            PyObject** dictptr = _PyObject_GetDictPtr(o);
            if (dictptr != NULL && *dictptr != NULL) return 6;
        }
        return -1;
    }

    /* units of a non-container: 1, plus 1 per 512 bytes of a str/bytes/bytearray and per
       64 digits of an int (memcmp / digit loops are that much cheaper than an item step) */
    static inline long long monty_leaf_units(PyObject* o) {
        unsigned long f = Py_TYPE(o)->tp_flags;
        Py_ssize_t n;
        if (f & Py_TPFLAGS_UNICODE_SUBCLASS)
            return 1 + (((long long)PyUnicode_GET_LENGTH(o) * PyUnicode_KIND(o)) >> 9);
        if (f & Py_TPFLAGS_BYTES_SUBCLASS)
            return 1 + ((long long)PyBytes_GET_SIZE(o) >> 9);
        if (f & Py_TPFLAGS_LONG_SUBCLASS) {
    #if PY_VERSION_HEX >= 0x030C0000
            n = (Py_ssize_t)(((PyLongObject*)o)->long_value.lv_tag >> 3);
    #else
            n = Py_SIZE(o);
            if (n < 0) n = -n;
    #endif
            return 1 + (n >> 6);
        }
        if (PyByteArray_Check(o))
            return 1 + ((long long)PyByteArray_GET_SIZE(o) >> 9);
        return 1;
    }

    /* The units of a list or tuple of at most 64 items none of which is a container (the
       common small operand: no walk needed); -1 for anything else. */
    static inline long long monty_flat_units(PyObject* o) {
        unsigned long f = Py_TYPE(o)->tp_flags;
        Py_ssize_t n, i;
        PyObject** items;
        long long u;
        if (f & Py_TPFLAGS_TUPLE_SUBCLASS) {
            n = PyTuple_GET_SIZE(o);
            items = ((PyTupleObject*)o)->ob_item;
        } else if (f & Py_TPFLAGS_LIST_SUBCLASS) {
            n = PyList_GET_SIZE(o);
            items = ((PyListObject*)o)->ob_item;
        } else {
            return -1;
        }
        if (n > 64)
            return -1;
        u = 1 + n;
        for (i = 0; i < n; i++) {
            if (monty_walk_kind(items[i]) >= 0)
                return -1;
            u += monty_leaf_units(items[i]) - 1;
        }
        return u;
    }

    static void monty_wframe_clear(monty_wframe* f) {
        Py_CLEAR(f->obj);
        Py_CLEAR(f->it);
        Py_CLEAR(f->pending);
        Py_CLEAR(f->key);
    }

    /* The units of `root` (see _limits.pxi), or cap + 1 as soon as they are known to pass
       `cap`; -1 with an exception set on failure. Iterative (an explicit stack): nesting does
       not deepen the C stack. A container referred to more than once is memoised by id (a
       revisit adds its units without walking it again; a revisit while it is still being
       walked, a cycle, adds 1: CPython's recursion guard ends such a comparison). */
    /* The expanded size remembered for tuple `o` by the tuple-depth check (an entry
       (t, depth, expanded) of `known`, keyed by id), or -1 (-2 with an exception set). */
    static long long monty_known_tuple(PyObject* known, PyObject* o) {
        PyObject* key;
        PyObject* entry;
        long long u = -1;
        if (known == NULL || PyDict_GET_SIZE(known) == 0)
            return -1;
        key = PyLong_FromVoidPtr(o);
        if (key == NULL)
            return -2;
        entry = PyDict_GetItemWithError(known, key);
        Py_DECREF(key);
        if (entry == NULL)
            return PyErr_Occurred() ? -2 : -1;
        if (PyTuple_Check(entry) && PyTuple_GET_SIZE(entry) == 3 && PyTuple_GET_ITEM(entry, 0) == o) {
            u = PyLong_AsLongLong(PyTuple_GET_ITEM(entry, 2));
            if (u < 0 && PyErr_Occurred())
                return -2;
        }
        return u;
    }

    /* The i-th part of exception `o` its str or repr shows (borrowed, or NULL): its args,
       then the fields of the builtin types whose text shows more than their args (OSError's
       errno, strerror and file names, SyntaxError's message, file name and text,
       ImportError's message, name and path, UnicodeError's encoding and reason): these can
       be set apart from the args (OSError(1, 'm', name), e.filename = ...). */
    #define MONTY_EXC_PARTS 5
    static PyObject* monty_exc_part(PyObject* o, Py_ssize_t i) {
        if (i == 0)
            return ((PyBaseExceptionObject*)o)->args;
        if (PyObject_TypeCheck(o, (PyTypeObject*)PyExc_OSError)) {
            PyOSErrorObject* e = (PyOSErrorObject*)o;
            switch (i) {
            case 1: return e->myerrno;
            case 2: return e->strerror;
            case 3: return e->filename;
            case 4: return e->filename2;
            }
        } else if (PyObject_TypeCheck(o, (PyTypeObject*)PyExc_SyntaxError)) {
            PySyntaxErrorObject* e = (PySyntaxErrorObject*)o;
            switch (i) {
            case 1: return e->msg;
            case 2: return e->filename;
            case 3: return e->lineno;
            case 4: return e->text;
            }
        } else if (PyObject_TypeCheck(o, (PyTypeObject*)PyExc_ImportError)) {
            PyImportErrorObject* e = (PyImportErrorObject*)o;
            switch (i) {
            case 1: return e->msg;
            case 2: return e->name;
            case 3: return e->path;
            }
        } else if (PyObject_TypeCheck(o, (PyTypeObject*)PyExc_UnicodeError)) {
            PyUnicodeErrorObject* e = (PyUnicodeErrorObject*)o;
            switch (i) {
            case 1: return e->encoding;
            case 2: return e->reason;
            }
        }
        return NULL;
    }

    static long long monty_units(PyObject* root, long long cap, PyObject* known) {
        monty_wframe small[16];
        monty_wframe* st = small;
        Py_ssize_t top = -1, room = 16, n;
        PyObject* memo = NULL;
        PyObject* child;
        PyObject* value;
        long long spent = 0, u, result = -1;
        int kind;
        kind = monty_walk_kind(root);
        if (kind < 0)
            return monty_leaf_units(root);
        if (kind == 1) {
            u = monty_known_tuple(known, root);
            if (u != -1)
                return u < 0 ? -1 : (u > cap ? cap + 1 : u);
        }
        Py_INCREF(root);
        child = root;
        for (;;) {
            /* `child` (owned, or NULL): visit it from the top frame (or as the root) */
            if (child != NULL) {
                kind = monty_walk_kind(child);
                if (kind < 0) {
                    u = monty_leaf_units(child);
                    Py_DECREF(child);
                    child = NULL;
                    spent += u;
                    st[top].acc += u;
                    if (spent > cap) { result = cap + 1; goto done; }
                } else {
                    PyObject* key = NULL;
                    if (kind == 1 && (top < 1 || (top & 31) == 0)) {
                        /* a tuple chain checked step by step is not walked again each
                           step: its remembered size (deep tuples only) is looked up near
                           the top and every 32 levels */
                        u = monty_known_tuple(known, child);
                        if (u == -2)
                            goto fail;
                        if (u >= 0) {
                            Py_DECREF(child);
                            child = NULL;
                            spent += u;
                            st[top].acc += u;
                            if (spent > cap) { result = cap + 1; goto done; }
                            continue;
                        }
                    }
                    if (top >= 0 && Py_REFCNT(child) > 2) {
                        /* possibly shared (the parent's reference and ours are 2); the root is
                           never memoised at its first visit (a cycle through it is found at
                           its second) */
                        if (memo == NULL && (memo = PyDict_New()) == NULL) goto fail;
                        key = PyLong_FromVoidPtr(child);
                        if (key == NULL) goto fail;
                        value = PyDict_GetItemWithError(memo, key);
                        if (value != NULL) {
                            u = PyLong_AsLongLong(value);
                            if (u < 0) u = 1;
                            Py_DECREF(key);
                            Py_DECREF(child);
                            child = NULL;
                            spent += u;
                            st[top].acc += u;
                            if (spent > cap) { result = cap + 1; goto done; }
                            continue;
                        }
                        if (PyErr_Occurred()) { Py_DECREF(key); goto fail; }
                        value = PyLong_FromLong(-1);    /* being walked */
                        if (value == NULL || PyDict_SetItem(memo, key, value) < 0) {
                            Py_XDECREF(value); Py_DECREF(key); goto fail;
                        }
                        Py_DECREF(value);
                    }
                    if (top + 1 >= room) {
                        monty_wframe* bigger;
                        if (st == small) {
                            bigger = PyMem_Malloc(sizeof(monty_wframe) * room * 2);
                            if (bigger != NULL) memcpy(bigger, small, sizeof(small));
                        } else {
                            bigger = PyMem_Realloc(st, sizeof(monty_wframe) * room * 2);
                        }
                        if (bigger == NULL) { Py_XDECREF(key); PyErr_NoMemory(); goto fail; }
                        st = bigger;
                        room *= 2;
                    }
                    top++;
                    st[top].obj = child;
                    st[top].it = NULL;
                    st[top].pending = NULL;
                    st[top].key = key;
                    st[top].pos = 0;
                    st[top].acc = 1;
                    st[top].kind = kind;
                    child = NULL;
                    spent += 1;
                    if (spent > cap) { result = cap + 1; goto done; }
                    if (kind == 3 || kind == 4) {
                        /* the C type's own iterator: never an override's Python code */
                        PyTypeObject* base = kind == 3 ? (PyFrozenSet_Check(st[top].obj) ? &PyFrozenSet_Type : &PySet_Type)
                                                       : monty_deque_type;
                        st[top].it = base->tp_iter(st[top].obj);
                        if (st[top].it == NULL) goto fail;
                    }
                }
            }
            /* the next item of the top frame */
            monty_wframe* f = &st[top];
            switch (f->kind) {
            case 0:
            case 1: {
                /* leaves in a tight loop (nothing here can run Python code or free them) */
                PyObject** items;
                if (f->kind == 0) {
                    n = PyList_GET_SIZE(f->obj);
                    items = ((PyListObject*)f->obj)->ob_item;
                } else {
                    n = PyTuple_GET_SIZE(f->obj);
                    items = ((PyTupleObject*)f->obj)->ob_item;
                }
                while (f->pos < n) {
                    PyObject* x = items[f->pos++];
                    if (monty_walk_kind(x) >= 0) {
                        child = x;
                        Py_INCREF(child);
                        break;
                    }
                    u = monty_leaf_units(x);
                    spent += u;
                    f->acc += u;
                }
                if (spent > cap) { result = cap + 1; goto done; }
                break;
            }
            case 2:
                if (f->pending != NULL) {
                    child = f->pending;
                    f->pending = NULL;
                } else {
                    PyObject* k;
                    if (PyDict_Next(f->obj, &f->pos, &k, &value)) {
                        child = k;
                        Py_INCREF(child);
                        Py_INCREF(value);
                        f->pending = value;
                    }
                }
                break;
            case 6:
                /* a sandbox instance: its attributes */
                if (f->pos == 0) {
                    PyObject** dictptr = _PyObject_GetDictPtr(f->obj);
                    f->pos = 1;
                    child = dictptr != NULL ? *dictptr : NULL;
                    Py_XINCREF(child);
                }
                break;
            case 5:
                /* an exception: its args (an exception group's include its exceptions) and
                   the fields its type's str and repr show besides them */
                while (child == NULL && f->pos < MONTY_EXC_PARTS)
                    child = monty_exc_part(f->obj, f->pos++);
                Py_XINCREF(child);
                break;
            default:
                child = PyIter_Next(f->it);
                if (child == NULL && PyErr_Occurred()) goto fail;
                break;
            }
            if (child != NULL)
                continue;
            /* the top frame is done */
            u = f->acc;
            if (f->key != NULL) {
                value = PyLong_FromLongLong(u);
                if (value == NULL || PyDict_SetItem(memo, f->key, value) < 0) { Py_XDECREF(value); goto fail; }
                Py_DECREF(value);
            }
            monty_wframe_clear(f);
            top--;
            if (top < 0) { result = u; goto done; }
            st[top].acc += u;
        }
    fail:
        result = -1;
    done:
        Py_XDECREF(child);
        while (top >= 0) {
            monty_wframe_clear(&st[top]);
            top--;
        }
        if (st != small) PyMem_Free(st);
        Py_XDECREF(memo);
        return result;
    }
    """
    int monty_walk_kind(PyObject* o)
    long long monty_flat_units(PyObject* o)
    long long monty_units(PyObject* root, long long cap, PyObject* known) except? -1
    void* monty_deque_type
    PyObject* monty_class_marker


def limits_set_deque_type(type t):
    """The C deque type (collections.deque's base): its instances are walked like lists."""
    global monty_deque_type
    monty_deque_type = <void*>t


monty_class_marker = <PyObject*>_CLASS_MARKER


cdef double CMP_NS = 80e-9          # seconds per unit (measured 14-60 ns: lists, dicts, tuples)
cdef long long CMP_FREE = 1024      # estimates up to this many units (80 us) read no clock


cdef long long units_within(PyObject* a, double mul, PyObject* b, long long cap) except -1:
    """min(mul * units(a), units(b)) (b NULL: infinite) if it is at most `cap`, else cap + 1."""
    cdef long long ua, acap
    cdef double e
    acap = <long long>(cap / mul) if mul > 1 else cap
    ua = monty_units(a, acap, <PyObject*>_tuple_depths)
    if ua <= acap:
        e = ua * mul
        if e <= cap:
            return <long long>e
    if b == NULL:
        return cap + 1
    return monty_units(b, cap, <PyObject*>_tuple_depths)


cdef int check_units(VM vm, PyObject* a, double mul, PyObject* b, double factor) except -1:
    """A native operation costing min(mul * units(a), units(b)) * factor units is about to run:
    raise the time limit if it cannot end before the deadline (call only with a deadline)."""
    cdef long long cap, e
    cdef double rem, capd, work
    cap = <long long>(CMP_FREE / factor) if factor > 1 else CMP_FREE
    # a cheap first pass: small operands need no clock (b is walked only for a comparison:
    # a search's sequence longer than CMP_FREE never fits)
    e = units_within(a, mul, b if mul <= 1 else NULL, cap)
    if e <= cap:
        vm.ticks -= <int>((e * factor) / 64)
        return 0
    rem = vm.deadline - monty_now()
    if rem <= 0:
        limit_fire(vm, LIMIT_TIME)
    capd = rem / (CMP_NS * factor)
    cap = <long long>capd if capd < 1e15 else <long long>1e15
    e = units_within(a, mul, b, cap)
    if e > cap:
        limit_fire(vm, LIMIT_TIME)
    work = e * factor
    if monty_now() + work * CMP_NS > vm.deadline:
        limit_fire(vm, LIMIT_TIME)
    # a long operation that fits still brings the next clock read closer (a loop of them)
    vm.ticks -= <int>(work / 64) if work < 64.0 * TICKS else TICKS
    return 0


cdef inline bint walkable(PyObject* p):
    return monty_walk_kind(p) >= 0


cdef inline Py_ssize_t walk_len(PyObject* p):
    cdef type t = type(<object>p)
    if t is list or t is tuple or t is dict or t is set or t is frozenset:
        return len(<object>p)
    return -1


cdef int check_compare_slow(VM vm, PyObject* v, PyObject* w, int op) except -1:
    cdef Py_ssize_t nv = walk_len(v), nw = walk_len(w)
    cdef type t
    if (op == 2 or op == 3) and nv != nw and nv >= 0 and nw >= 0:
        t = type(<object>v)
        if t is not tuple and type(<object>w) is not tuple:
            return 0         # list, dict, set ==: a length test first (a tuple's compares items)
    if 0 <= nw < nv:
        v, w = w, v          # the shorter one first: its walk may settle it
    return check_units(vm, v, 1.0, w, 1.0)


cdef inline int check_compare(VM vm, PyObject* v, PyObject* w, int op) except -1:
    """`v (op) w` (op: Py_LT..Py_GE) is about to run in native code."""
    cdef long long u
    if vm.deadline and walkable(v) and walkable(w) and v != w:
        u = monty_flat_units(v)
        if u < 0 or u > CMP_FREE:
            u = monty_flat_units(w)
            if u < 0 or u > CMP_FREE:
                return check_compare_slow(vm, v, w, op)
    return 0


cdef inline int check_hash(VM vm, PyObject* k) except -1:
    """`k` is about to be hashed (a dict or set key): a tuple hashes all its items, uncached,
    then may be compared with an equal key."""
    cdef long long u
    if vm.deadline and TupleCheck(k):
        u = monty_flat_units(k)
        if u < 0 or u > CMP_FREE / 2:
            return check_units(vm, k, 1.0, NULL, 2.0)
    return 0


cdef object _DEQUE_LEN = _collections.deque.__len__


cdef int check_search(VM vm, object seq, object item) except -1:
    """`item` is about to be compared with each item of `seq` (in, count, index, remove)."""
    cdef int kind
    cdef Py_ssize_t n
    if not vm.deadline:
        return 0
    kind = monty_walk_kind(<PyObject*>seq)
    if kind == 0 or kind == 1 or kind == 4:
        # (the real length: a subclass's __len__ override does not run)
        n = Py_SIZE_RAW(<PyObject*>seq) if kind != 4 else _DEQUE_LEN(seq)
        if n and (walkable(<PyObject*>item) or n * (monty_leaf_units_py(item) - 1) > CMP_FREE):
            check_units(vm, <PyObject*>item, <double>n, <PyObject*>seq, 1.0)
    elif type(seq) is _dict_values:
        n = len(seq)
        if n and walkable(<PyObject*>item):
            check_units(vm, <PyObject*>item, <double>n, NULL, 1.0)
    elif walkable(<PyObject*>item):
        # a hash lookup (dict, set, keys, items): the item's hash and one comparison
        check_units(vm, <PyObject*>item, 1.0, NULL, 2.0)
    return 0




cdef long long monty_leaf_units_py(object o):
    return monty_units(<PyObject*>o, 0, NULL) if not walkable(<PyObject*>o) else 1


cdef int check_walk(VM vm, object o, double factor) except -1:
    """A native operation goes through `o`'s items `factor` times (sorting, hashing each)."""
    if vm.deadline and walkable(<PyObject*>o):
        check_units(vm, <PyObject*>o, 1.0, NULL, factor)
    return 0


cdef double sort_factor(Py_ssize_t n):
    """Comparisons per item of a sort of n items (each at most its units)."""
    return _flog2(<double>n) + 1.0 if n > 1 else 1.0


# policy hooks: host-side code (method wrappers, modules) about to compare natively

def _policy_precheck_compare(a, b):
    cdef VM vm = cur_vm()
    if vm is not None and vm.running:
        check_compare(vm, <PyObject*>a, <PyObject*>b, 0)


def _policy_precheck_search(seq, item):
    cdef VM vm = cur_vm()
    if vm is not None and vm.running:
        check_search(vm, seq, item)


def _policy_precheck_walk(obj, factor=1.0):
    cdef VM vm = cur_vm()
    if vm is not None and vm.running:
        check_walk(vm, obj, factor)


def _policy_precheck_sort(seq):
    cdef VM vm = cur_vm()
    if vm is not None and vm.running and vm.deadline:
        check_walk(vm, seq, sort_factor(len(seq)))



@cython.trashcan(True)
cdef class KeyCost:
    """A key function handed to a native sort/min/max: each key it returns is compared
    natively, so its units are charged (a sort: per item sort_factor times) as it arrives."""
    cdef object key
    cdef VM vm
    cdef double factor
    cdef double total

    def __call__(self, x):
        r = self.key(x)
        if walkable(<PyObject*>r):
            self.charge(r)
        return r

    cdef int charge(self, object r) except -1:
        cdef VM vm = self.vm
        cdef double rem
        cdef long long u, cap
        rem = vm.deadline - monty_now()
        if rem <= 0:
            limit_fire(vm, LIMIT_TIME)
        cap = <long long>(rem / (CMP_NS * self.factor)) - <long long>self.total
        if cap < 0:
            limit_fire(vm, LIMIT_TIME)
        u = monty_units(<PyObject*>r, cap, <PyObject*>_tuple_depths)
        if u > cap:
            limit_fire(vm, LIMIT_TIME)
        self.total += u
        return 0


cdef object cost_key(VM vm, object key, double factor):
    cdef KeyCost k
    if key is None or not vm.deadline:
        return key
    k = KeyCost.__new__(KeyCost)
    k.key = key
    k.vm = vm
    k.factor = factor
    return k


# The text of a container (repr, str, print, format, %s, f-strings) goes through it unfolded
# as a tree too: the same estimate (a list DAG's repr would be 2**40 items long).

cdef object _BUILTIN_REPR = getattr(_sys.modules["builtins"], "repr")
cdef object _BUILTIN_ASCII = getattr(_sys.modules["builtins"], "ascii")
cdef double TEXT_FACTOR = 5.0       # a repr costs ~330 ns per unit (CMP_NS is 80)


cdef inline int check_text(object x) except -1:
    cdef VM vm
    if walkable(<PyObject*>x):
        vm = cur_vm()
        if vm is not None and vm.running and vm.deadline:
            check_units(vm, <PyObject*>x, 1.0, NULL, TEXT_FACTOR)
    elif LongCheck(<PyObject*>x) and Py_SIZE_RAW(<PyObject*>x) * Py_SIZE_RAW(<PyObject*>x) > 576:
        vm = cur_vm()
        if vm is not None and vm.running:
            check_int_text(vm, x)
    return 0


cdef int check_str_quoted(object x, bint to_ascii) except -1:
    """repr()/ascii() of a long str: pre-check its size (escapes make it up to 10 times as
    many characters: \\U0001f600)."""
    cdef Py_ssize_t n
    if type(x) is str:
        n = len(<str>x)
        if n > 4096:
            _policy.check_alloc(_policy.quoted_str_size(x, to_ascii))
    return 0


cdef inline int check_conversion(PyObject* func, object x) except -1:
    """str(x) / repr(x) / ascii(x) called directly from sandbox code."""
    if func == <PyObject*>_BUILTIN_REPR:
        check_str_quoted(x, False)
    elif func == <PyObject*>_BUILTIN_ASCII:
        check_str_quoted(x, True)
    return check_text(x)


# The message of an exception leaving a run (or crossing in from host code) is built natively
# from its args: costed first like any text, and past its budget replaced by a short stand-in
# built without running any code of the exception or its arguments.

cdef double REPORT_MAX_S = 0.2      # the longest one error report's messages may take to build

cdef extern from "Python.h":
    Py_ssize_t _ustr_len "PyUnicode_GetLength"(object) except -1
    object _ustr_sub "PyUnicode_Substring"(object, Py_ssize_t, Py_ssize_t)
    Py_ssize_t _bytes_len "PyBytes_Size"(object) except -1


cdef object _EXC_GROUP = _policy._BaseExceptionGroup


cdef bint _runs_sandbox_str(object exc):
    """Whether str(exc) runs a sandbox __str__ (sandbox code, which ticks and checks itself)."""
    cdef object t = type(exc)
    cdef PyObject* descr = _PyType_Lookup(<PyObject*>t, <PyObject*>"__str__")
    return descr != NULL and TYPE(descr) == <PyObject*>Function


cdef object exc_text(VM vm, object exc, double until):
    """str(exc), or a stand-in when its native text cannot be built by `until` (nor by the
    run's deadline): costed as repr costs (TEXT_FACTOR per unit of its args and fields)."""
    cdef double now, rem
    cdef long long cap, u
    t = type(exc)
    if _EXC_GROUP is not None and _derives(t, <type>_EXC_GROUP) and not _runs_sandbox_str(exc):
        # its str is its message (a str) and the number of its exceptions, never their text
        return str(exc)
    if not _runs_sandbox_str(exc):
        now = monty_now()
        rem = until - now
        if vm is not None and vm.running and vm.deadline and vm.deadline - now < rem:
            rem = vm.deadline - now
        cap = <long long>(rem / (CMP_NS * TEXT_FACTOR)) if rem > 0 else 0
        if cap < 256:
            cap = 256
        u = monty_units(<PyObject*>exc, cap, NULL)
        if u > cap:
            return exc_stand_in(exc)
    return str(exc)


cdef str exc_stand_in(object exc):
    """'<message too long to show; arguments: ...>' naming the first arguments briefly."""
    cdef PyObject* a = (<PyBaseExceptionObject*>exc).args
    cdef Py_ssize_t n = 0, i
    parts = []
    if a != NULL and TupleCheck(a):
        n = TUPLE_SIZE(a)
        for i in range(n if n < 4 else 4):
            parts.append(_short_text((<tuple>a)[i]))
        if n > 4:
            parts.append(f"... ({n} arguments)")
    return "<message too long to show; arguments: " + ", ".join(parts) + ">"


cdef str _short_text(object v):
    """A few dozen characters describing `v`, computed at the C level (no method of a
    subclass runs)."""
    cdef Py_ssize_t n
    t = type(v)
    if v is None or v is True or v is False:
        return repr(v)
    if _derives(t, str):
        n = _ustr_len(v)
        head = _ustr_sub(v, 0, 60)
        return str.__repr__(head) + (f"... ({n} characters)" if n > 60 else "")
    if _derives(t, int):
        if int_digits(v) <= 2:
            return int.__repr__(v)
        return f"int of {int_digits(v) * 30} bits"
    if _derives(t, float):
        return float.__repr__(v)
    if _derives(t, bytes):
        return f"bytes of {_bytes_len(v)} bytes"
    if (_derives(t, list) or _derives(t, tuple) or _derives(t, dict) or _derives(t, set)
            or _derives(t, frozenset)):
        return f"{type_name(v)} of {_plain_size(v)} items"
    return f"{type_name(v)} object"


def _checked_str(x):
    check_text(x)
    return str(x)


def _checked_repr(x):
    check_str_quoted(x, False)
    check_text(x)
    return repr(x)


def _checked_ascii(x):
    check_str_quoted(x, True)
    check_text(x)
    return ascii(x)


def _checked_format(x, spec=""):
    check_text(x)
    return format(x, spec)


# What the policy layer (pure Python, importing nothing of the VM) calls back into: the meter
# of the running sandbox (sizes, steps and comparisons of native work, charged to its limits),
# and the VM's gates for what policy code hands out (types, conversions, format fields).
_policy.attach(_types.SimpleNamespace(
    precheck=_policy_precheck, precheck_steps=_policy_precheck_steps,
    precheck_compare=_policy_precheck_compare, precheck_search=_policy_precheck_search,
    precheck_walk=_policy_precheck_walk, precheck_sort=_policy_precheck_sort,
    binary_op=_policy_binary_op, bury=_policy_bury,
    type_of=sandbox_type_of, format_getattr=_format_getattr,    # (the attribute gate's)
    convert_str=_checked_str, convert_repr=_checked_repr, convert_ascii=_checked_ascii,
    format_value=_checked_format))
