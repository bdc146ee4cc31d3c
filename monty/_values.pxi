# Sandbox-only values: code objects, functions, cells, bound methods, host functions.
#
# Offers: Code (compiled code, relink), Function, Cell, BoundMethod, HostFunction, VMBuiltin
# (make_builtin): the sandbox-only values the loop runs and calls.

from libc.stdlib cimport malloc, free
from libc.string cimport memcpy

cdef object UNBOUND = object()     # contents of an empty Cell


cdef int* _int_array(object values, int width) except NULL:
    cdef Py_ssize_t n = len(values)
    cdef int* out = <int*>malloc(sizeof(int) * (n * width + 1))
    cdef Py_ssize_t i, j
    if out == NULL:
        raise MemoryError()
    for i in range(n):
        if width == 1:
            out[i] = values[i]
        else:
            row = values[i]
            for j in range(width):
                out[i * width + j] = row[j]
    return out


cdef unsigned char _LINK_KINDS[256]
cdef bint _link_kinds_ready = False


cdef unsigned char* link_kinds() except NULL:
    """Per opcode, which operands relinking patches: 1 a global, 2 a local (module code),
    4 b global, 8 b local (module code)."""
    global _link_kinds_ready
    cdef int op
    if not _link_kinds_ready:
        if len(OPERAND_KINDS) > 256:
            raise RuntimeError("too many opcodes")
        for op in range(256):
            _LINK_KINDS[op] = 0
        for op, (ka, kb) in enumerate(OPERAND_KINDS):
            _LINK_KINDS[op] = ((1 if ka == "global" else 0) | (2 if ka == "local" else 0)
                               | (4 if kb == "global" else 0) | (8 if kb == "local" else 0))
        _link_kinds_ready = True
    return _LINK_KINDS


cdef class Code:
    """Compiled code of one module or function: typed instruction arrays and tables."""

    def __init__(self, **spec):
        self._spec = spec
        instrs = spec["instrs"]
        self.ninstrs = len(instrs)
        self.instrs = _int_array(instrs, 3)
        self.lines = _int_array(spec["lines"], 1)
        self.handler_of = _int_array(spec["handler_of"], 1)
        self.nhandlers = len(spec["handlers"])
        self.handlers = _int_array(spec["handlers"], 2)
        self.consts = spec["consts"]
        self.const_items = (<PyTupleObject*>self.consts).ob_item
        self.names = spec["names"]
        self.varnames = spec["varnames"]
        self.cellvars = spec["cellvars"]
        self.freevars = spec["freevars"]
        self.argcount = spec["argcount"]
        self.posonlyargcount = spec["posonlyargcount"]
        self.kwonlyargcount = spec["kwonlyargcount"]
        self.nlocals = spec["nlocals"]
        self.ncells = len(self.cellvars)
        self.nfree = len(self.freevars)
        self.nslots = self.nlocals + self.ncells + self.nfree
        self.stacksize = spec["stacksize"]
        self.flags = spec["flags"]
        self.firstlineno = spec["firstlineno"]
        self.name = spec["name"]
        self.qualname = spec["qualname"]
        self.filename = spec["filename"]
        self.source = spec["source"]
        self.doc = spec.get("doc")
        self.simple_args = (self.flags & 3) == 0 and self.kwonlyargcount == 0

    def __dealloc__(self):
        free(self.instrs)
        free(self.lines)
        free(self.handler_of)
        free(self.handlers)

    def __repr__(self):
        return f"<code object {self.name}, line {self.firstlineno}>"

    def line_of(self, int pc):
        """Source line of the instruction before `pc` (the one that ran last)."""
        if pc > 0:
            pc -= 1
        if 0 <= pc < self.ninstrs:
            return self.lines[pc]
        return self.firstlineno

    @property
    def spec(self):
        """The compiler's tables (a linked copy builds its instruction list on first use:
        snapshots read it, running code never does)."""
        cdef int i
        cdef int* ins = self.instrs
        if self._spec["instrs"] is None:
            self._spec["instrs"] = [(ins[i * 3], ins[i * 3 + 1], ins[i * 3 + 2])
                                    for i in range(self.ninstrs)]
        return self._spec

    cdef Code linked_copy(self, VM vm):
        """relink() for `vm` (same result), in C: the arrays copied, global operands (and
        name operands of module code used as fast slots) patched with vm's slots."""
        cdef Code out = Code.__new__(Code)
        cdef int n = self.ninstrs, i, op, k
        cdef bint module = (self.flags & CO_MODULE) != 0
        cdef unsigned char* kinds = link_kinds()
        cdef tuple names = self.names
        out.instrs = <int*>malloc(sizeof(int) * (n * 3 + 1))
        out.lines = <int*>malloc(sizeof(int) * (n + 1))
        out.handler_of = <int*>malloc(sizeof(int) * (n + 1))
        out.handlers = <int*>malloc(sizeof(int) * (self.nhandlers * 2 + 1))
        if out.instrs == NULL or out.lines == NULL or out.handler_of == NULL or out.handlers == NULL:
            raise MemoryError()
        memcpy(out.instrs, self.instrs, sizeof(int) * n * 3)
        memcpy(out.lines, self.lines, sizeof(int) * n)
        memcpy(out.handler_of, self.handler_of, sizeof(int) * n)
        memcpy(out.handlers, self.handlers, sizeof(int) * self.nhandlers * 2)
        for i in range(n):
            k = kinds[out.instrs[i * 3]]
            if k & 1 or (module and k & 2):
                out.instrs[i * 3 + 1] = vm_slot(vm, <str>names[out.instrs[i * 3 + 1]])
            if k & 4 or (module and k & 8):
                out.instrs[i * 3 + 2] = vm_slot(vm, <str>names[out.instrs[i * 3 + 2]])
        consts = tuple([(<Code>c).linked_copy(vm) if type(c) is Code else c
                        for c in self.consts])
        spec = dict(self._spec)
        spec["instrs"] = None
        spec["consts"] = consts
        out._spec = spec
        out.ninstrs = n
        out.nhandlers = self.nhandlers
        out.consts = consts
        out.const_items = (<PyTupleObject*>consts).ob_item
        out.names = self.names
        out.varnames = self.varnames
        out.cellvars = self.cellvars
        out.freevars = self.freevars
        out.argcount = self.argcount
        out.posonlyargcount = self.posonlyargcount
        out.kwonlyargcount = self.kwonlyargcount
        out.nlocals = self.nlocals
        out.ncells = self.ncells
        out.nfree = self.nfree
        out.nslots = self.nslots
        out.stacksize = self.stacksize
        out.flags = self.flags
        out.firstlineno = self.firstlineno
        out.name = self.name
        out.qualname = self.qualname
        out.filename = self.filename
        out.source = self.source
        out.doc = self.doc
        out.simple_args = self.simple_args
        return out

    def relink(self, object slot_of):
        """A copy whose global operands (and, in module code, name operands used as fast
        slots) are the sandbox's global slots, given by `slot_of(name)`."""
        spec = dict(self.spec)
        names = self.names
        module = self.flags & CO_MODULE
        instrs = []
        for op, a, b in spec["instrs"]:
            ka, kb = OPERAND_KINDS[op]
            if ka == "global" or (module and ka == "local"):
                a = slot_of(names[a])
            if kb == "global" or (module and kb == "local"):
                b = slot_of(names[b])
            instrs.append((op, a, b))
        spec["instrs"] = instrs
        spec["consts"] = tuple(c.relink(slot_of) if isinstance(c, Code) else c
                               for c in self.consts)
        return Code(**spec)


@cython.trashcan(True)
cdef class Function:
    """A function defined by sandbox code."""

    def __repr__(self):
        return f"<function {self.qualname} at {id(self):#x}>"

    def __call__(self, *args, **kwargs):
        return self.vm.call_nested(self, args, kwargs)

    def __get__(self, obj, objtype):
        if obj is None:
            return self
        return BoundMethod(self, obj)

    @property
    def __name__(self):
        return self.name

    @property
    def __qualname__(self):
        return self.qualname


@cython.trashcan(True)
cdef class Cell:
    def __repr__(self):
        return f"<cell at {id(self):#x}>"


@cython.trashcan(True)
cdef class BoundMethod:
    """A sandbox function bound to an object."""

    def __init__(self, func, self_obj):
        self.func = func
        self.self_obj = self_obj

    def __call__(self, *args, **kwargs):
        return self.func(self.self_obj, *args, **kwargs)

    def __repr__(self):
        return f"<bound method {getattr(self.func, 'qualname', '?')} of {self.self_obj!r}>"


def _is_async_callable(func):
    import inspect
    if inspect.iscoroutinefunction(func):
        return True
    call = getattr(type(func), "__call__", None)
    return call is not None and inspect.iscoroutinefunction(call)


cdef class HostFunction:
    """A function of the host's, callable from sandbox code by name."""

    def __init__(self, str name, func, is_async=None):
        self.name = name
        self.func = func
        if is_async is None:
            is_async = func is not None and _is_async_callable(func)
        self.is_async = is_async
        self.doc = _host_doc(func)

    def __repr__(self):
        return f"<function {self.name.rpartition('.')[2]} at {id(self):#x}>"

    def __call__(self, *args, **kwargs):
        # C code calling it (a callback of a builtin run natively): the same checks and
        # conversions as a call from the loop; it cannot pause there
        cdef VM vm = cur_vm()
        if vm is None or not (vm.running or vm.nest > 0):
            raise RuntimeError("sandbox code cannot run outside a run of its sandbox")
        if vm.pause_mode and not self.is_async and not vm.async_mode:
            raise RuntimeError(
                f"host function '{self.name}' cannot be paused inside a callback run by native "
                f"code (a key function, map() or filter() callback run from C)")
        return call_host_values(vm, self, args, dict(kwargs))


def _host_doc(func):
    """The docstring sandbox code sees as `fetch.__doc__`: the host function's own, when it
    is a str (read once, on the host, when the function is registered)."""
    if func is None:
        return None
    try:
        doc = getattr(func, "__doc__", None)
    except Exception:
        return None
    return str(doc) if isinstance(doc, str) else None


def _removed_host_function(name):
    def removed(*args, **kwargs):
        raise RuntimeError(f"host function '{name}' was removed from this sandbox")
    removed.monty_removed = True
    return removed


def host_function_revoke(HostFunction hf):
    """set_functions() removed it: a reference sandbox code kept raises when called."""
    hf.func = _removed_host_function(hf.name)
    hf.is_async = False


def host_function_replace(HostFunction hf, func):
    """set_functions() gave its name a new function: references sandbox code kept call it."""
    hf.func = func
    hf.is_async = func is not None and _is_async_callable(func)
    hf.doc = _host_doc(func)


cdef class VMBuiltin:
    """A builtin that needs the VM (to call sandbox functions or print)."""

    def __repr__(self):
        return f"<built-in function {self.name}>"

    def __call__(self, *args, **kwargs):
        cdef VM vm = cur_vm()
        if vm is None:
            raise RuntimeError(f"{self.name}() called outside a running sandbox")
        cdef list items = list(args) + list(kwargs.values())
        cdef tuple kwnames = tuple(kwargs) if kwargs else None
        cdef PyObject* ptrs[64]
        cdef Py_ssize_t i, n = len(items)
        if n > 64:
            raise TypeError(f"{self.name}() takes at most 64 arguments")
        for i in range(n):
            ptrs[i] = <PyObject*>items[i]
        return self.impl(vm, ptrs, len(args), <PyObject*>kwnames if kwnames else NULL)


cdef VMBuiltin make_builtin(str name, builtin_impl impl):
    cdef VMBuiltin b = VMBuiltin.__new__(VMBuiltin)
    b.name = name
    b.impl = impl
    return b
