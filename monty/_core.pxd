# The VM's types: read this file as the table of contents of _core.pyx.
from cpython.object cimport PyObject

cdef extern from *:
    """
    /* The allocator guard's per-VM counters (see _limits.pxi). */
    typedef struct {
        long long net;       /* bytes the raw allocator handed out minus freed since the last walk */
        long long cap;       /* net growth at which a large request is refused */
        long long refused;   /* size of the request refused, 0: none */
    } monty_meter;
    """
    ctypedef struct monty_meter:
        long long net
        long long cap
        long long refused


cdef struct Frame:
    PyObject* code      # Code, owned
    PyObject* func      # Function, owned; NULL for module code
    int pc              # next instruction (saved while the frame is not running)
    int base            # data-stack index of the fast locals; -1: module frame (locals are globals)
    int stack_base      # data-stack index of the value stack
    int sp              # saved value-stack top
    int ret             # data-stack index that receives the result (the callable's slot)
    int limit           # end of the frame's data-stack region
    int entry           # returning from this frame leaves the eval loop
    PyObject* gen       # the Generator this frame runs (borrowed: its `ret` slot owns it), or NULL
    int resume          # how a generator frame was resumed: RESUME_ENTRY or RESUME_FOR_ITER
    int proto           # a protocol dunder's frame (a property getter, __str__, __add__...): what
                        # the instruction waiting below does with its value (PROTO_*; 0: a CALL)
    PyObject* init_self     # an __init__ frame run for a class call: the new object (owned)
    PyObject* next_default  # a generator frame run by next(gen, default): the default (owned)
    PyObject* drain         # a generator frame drained by a consumer: the list of its values (owned)
    int wait_sp         # the value-stack top while the frame waits on native code that may run
                        # sandbox code (list.extend(gen)...): exact for the live walk; -1 otherwise


cdef class VM


cdef class Code:
    cdef int* instrs                # 3 ints per instruction: opcode, a, b
    cdef int* lines
    cdef int* handler_of            # handler index per instruction, -1 for none
    cdef int* handlers              # 2 ints per handler: target, stack depth
    cdef PyObject** const_items     # borrowed from consts
    cdef readonly int ninstrs, nhandlers
    cdef readonly int argcount, posonlyargcount, kwonlyargcount
    cdef readonly int nlocals, ncells, nfree, nslots, stacksize, flags, firstlineno
    cdef readonly tuple consts, names, varnames, cellvars, freevars
    cdef readonly str name, qualname, filename, source
    cdef dict _spec                 # the compiler's tables, for relinking and snapshots
    cdef readonly object doc        # docstring or None
    cdef bint simple_args           # positional parameters only

    cdef Code linked_copy(self, VM vm)


cdef class Function:
    cdef readonly Code code
    cdef readonly object defaults   # tuple or None
    cdef readonly object kwdefaults # dict or None
    cdef readonly object closure    # tuple of Cell or None
    cdef public str name, qualname
    cdef VM vm
    cdef public dict attrs          # attributes sandbox code set on it (f.calls = 0), or None
    cdef public dict meta           # __doc__/__annotations__/__module__ set on it, or None


cdef class Cell:
    cdef object contents            # UNBOUND when empty


cdef class BoundMethod:
    cdef readonly object func
    cdef readonly object self_obj


cdef class SandboxIter:
    pass


cdef class Generator(SandboxIter):
    cdef readonly Code code
    cdef readonly Function func
    cdef list saved                 # fast locals, cells and value stack while suspended
    cdef readonly int pc, nstack, state
    cdef object handled             # the exception its code was handling when it yielded
    cdef object outer_handled       # the caller's, while it runs
    cdef public str name, qualname
    cdef VM vm
    cdef public dict attrs          # attributes sandbox code set on it (f.calls = 0), or None


cdef class HostFunction:
    cdef readonly str name
    cdef readonly object func       # None: name only (start() mode)
    cdef readonly bint is_async     # an `async def` function: a call gives a HostFuture
    cdef readonly object doc        # the host function's docstring (a str), or None


ctypedef object (*builtin_impl)(VM vm, PyObject** args, Py_ssize_t nargs, PyObject* kwnames)


cdef class VMBuiltin:
    cdef builtin_impl impl
    cdef readonly str name


cdef class SlotMethod:
    cdef readonly object owner
    cdef readonly str name
    cdef object impl
    cdef object receiver


cdef class VM:
    cdef PyObject** stack
    cdef int stack_cap
    cdef Frame* frames
    cdef int frames_cap
    cdef int depth
    cdef int nest
    cdef readonly int max_depth       # frames sandbox calls may reach (sys.setrecursionlimit lowers it)
    cdef readonly int host_max_depth  # the host's Limits.max_recursion_depth: max_depth never exceeds it
    cdef list gvals                 # global slot -> value (NULL item: unbound)
    cdef list bvals                 # global slot -> builtin of that name (NULL item: none)
    cdef dict slots                 # name -> global slot
    cdef list slot_names
    cdef dict linked                # unlinked module Code -> linked Code
    cdef dict modules               # imported sandbox modules by dotted name
    cdef object handled             # exception being handled, or None
    cdef object reraised            # what the last `raise` statement raised if it was bare
    cdef bint host_aborted          # the last run ended on a host KeyboardInterrupt/SystemExit
    cdef public object print_callback
    cdef dict host_functions
    cdef bint running
    cdef int limit_kind
    cdef int ticks
    cdef int tick_budget            # ticks between two clock reads (see check_limits)
    cdef double last_check          # when the clock was last read there
    cdef int yielded                # run_frames returned because an entry generator frame yielded
    cdef object pending_exc         # raised first thing when run_frames is (re-)entered
    cdef public double deadline     # perf_counter() value, 0: none
    cdef public double wall_deadline  # Limits.max_wall_time's end: host time never extends deadline past it
    cdef public long long host_calls      # host calls made in this run (start() and its resumes)
    cdef public long long max_host_calls  # Limits.max_host_calls, -1: none
    cdef long long max_memory       # bytes of live data, -1: none
    cdef long long mem_limit        # running estimate that triggers a live-data walk
    cdef long long mem_used         # running estimate of live bytes
    cdef long long mem_grace        # live bytes an earlier run left over the limit
    cdef long long mem_run_start    # the estimate when this run started; -1 after its first walk
    cdef monty_meter meter          # the allocator guard's counters (see _limits.pxi)
    cdef Py_ssize_t top_sp          # the innermost frame's value stack top while it waits on
    cdef int top_depth              # native code (top_sp: -1 when unknown), for the live walk
    cdef long long allocs, alloc_limit
    cdef list graveyard             # values dropped by a limit unwind, freed at the next run
    cdef dict builtins
    cdef dict dataclasses           # host dataclass -> its sandbox copy (see _import_dataclass)
    cdef public bint pause_mode     # start(): every host call pauses (see _snapshot.pxi)
    cdef bint paused                # frames are kept, waiting for resume()
    cdef object pending_call        # (name, args, kwargs) of the paused host call
    cdef public bint pending_async  # ... of an async host function (resumed as a HostFuture)
    cdef public list host_pending   # HostFutures of this run not settled yet
    cdef public bint async_mode     # run_async(): sync host calls run directly, async ones wait
    cdef public int pause_kind      # what the VM paused at: PAUSE_CALL, PAUSE_WAIT, PAUSE_SLICE
    cdef public double slice_end    # run_async(): yield to the host's loop after this time (0: never)
    cdef public bint slice_due      # the clock passed slice_end: pause at the next backward jump
    cdef public long long call_seq  # call ids handed out so far (Call.call_id)
    cdef bint gc_held               # this run holds off CPython's full collections
    cdef object error_report          # (exception, its host report) kept by the run that raised it
    cdef int import_nest            # eval loops now inside an IMPORT_NAME (see grow_globals)
    cdef int gcap                   # global slots the gvals/bvals arrays hold without moving
    cdef public object context_state  # the contextvars module's per-sandbox state (None: not imported)
    cdef public object module_state   # other modules' per-sandbox state: {name: state}, or None
    cdef public object host_modules   # the Sandbox's `modules=` (monty/_hostmods.py), or None
    cdef public object globals_view   # the ModuleGlobals globals() hands out (None: not made yet)

    cdef int ensure_stack(self) except -1
    cdef void discard_frame(self, Frame* f) noexcept
    cdef int region_top(self)

    cdef int grow_globals(self, int n) except -1
    cdef int push_frame(self, Code code, Function func, int ret, int base, int entry) except -1
    cdef void pop_frame(self)
    cdef object call_nested(self, object func, tuple args, dict kwargs)
