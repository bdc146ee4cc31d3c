# Iterators whose position is plain data (a sequence and an index), so a paused program
# can be snapshotted mid-loop.
#
# Offers: get_iter(obj) (a sandbox iterator for any iterable), the iterator classes
# (SandboxIter and its kinds: ListIter, RangeIter, DictIter...; FOR_ITER steps ListIter and
# RangeIter inline), range_iter, dict_iter, view_dict, raise_pending.

# Iterators that wrap other iterators (zip, map, filter, enumerate, iter(f, x), foreign ones)
# call the inner one's next in C. A chain of them nested a hundred thousand deep would overflow
# the C stack on its first item: the nesting of such calls is counted and bounded here (about
# 300 bytes of C stack a level). The count is per thread (each has its own C stack): a
# sandbox nesting deep in one thread never makes another thread's iterators refuse.
cdef extern from *:
    """
    static _Thread_local int monty_iter_nesting = 0;
    """
    int _iter_nesting "monty_iter_nesting"
cdef int MAX_ITER_NESTING = 1000


@cython.trashcan(True)
cdef class SandboxIter:
    """Base of the VM's iterators (and generators)."""

    def __iter__(self):
        return self


@cython.trashcan(True)
cdef class ListIter(SandboxIter):
    cdef readonly object seq      # list or tuple
    cdef readonly Py_ssize_t index

    def __next__(self):
        cdef object seq = self.seq
        if self.index < len(seq):
            self.index += 1
            return seq[self.index - 1]
        raise StopIteration


@cython.trashcan(True)
cdef class SeqIter(SandboxIter):
    """Index-based iteration over str, bytes or any sequence."""
    cdef readonly object seq
    cdef readonly Py_ssize_t index

    def __next__(self):
        cdef object seq = self.seq
        if self.index < len(seq):
            self.index += 1
            return seq[self.index - 1]
        raise StopIteration


@cython.trashcan(True)
cdef class RangeIter(SandboxIter):
    cdef readonly long long current, step
    cdef readonly Py_ssize_t remaining

    def __next__(self):
        native_tick()
        if self.remaining > 0:
            self.remaining -= 1
            self.current += self.step
            return self.current - self.step
        raise StopIteration


@cython.trashcan(True)
cdef class BigRangeIter(SandboxIter):
    """A range whose bounds do not fit a C long long."""
    cdef readonly object current, step, remaining

    def __next__(self):
        native_tick()
        if self.remaining > 0:
            self.remaining -= 1
            value = self.current
            self.current = value + self.step
            return value
        raise StopIteration


cdef enum:
    DICT_KEYS = 0
    DICT_VALUES = 1
    DICT_ITEMS = 2


@cython.trashcan(True)
cdef class DictIter(SandboxIter):
    """Iterates a dict's keys, values or items by position; `count` is how many were seen."""
    cdef readonly dict mapping
    cdef readonly int kind
    cdef readonly Py_ssize_t count, size
    cdef Py_ssize_t pos

    def __next__(self):
        cdef PyObject* key
        cdef PyObject* value
        if self.mapping is None:
            raise StopIteration
        if len(self.mapping) != self.size:
            self.size = -1
            raise RuntimeError("dictionary changed size during iteration")
        if not PyDict_Next(self.mapping, &self.pos, &key, &value):
            self.mapping = None     # exhausted for good, whatever happens to the dict
            raise StopIteration
        self.count += 1
        if self.kind == DICT_KEYS:
            return <object>key
        if self.kind == DICT_VALUES:
            return <object>value
        item = (<object>key, <object>value)
        if cur_vm() is not None:
            check_tuple_depth(cur_vm(), item)
        return item


@cython.trashcan(True)
cdef class SetIter(SandboxIter):
    cdef readonly object items     # list snapshot of the set
    cdef readonly object source
    cdef readonly Py_ssize_t index, size

    def __next__(self):
        if len(self.source) != self.size:
            self.size = -1
            raise RuntimeError("Set changed size during iteration")
        if self.index < len(self.items):
            self.index += 1
            return self.items[self.index - 1]
        raise StopIteration


@cython.trashcan(True)
cdef class ReversedIter(SandboxIter):
    cdef readonly object seq
    cdef readonly Py_ssize_t index     # next index to yield, counting down

    def __next__(self):
        if 0 <= self.index < len(self.seq):
            self.index -= 1
            return self.seq[self.index + 1]
        self.index = -1
        raise StopIteration

    def __length_hint__(self):
        return max(self.index + 1, 0)


@cython.trashcan(True)
cdef class EnumerateIter(SandboxIter):
    cdef readonly object it
    cdef readonly object count

    def __next__(self):
        # wrappers of wrappers (zip(zip(...)), map over map...) recurse in C: bound the nesting
        global _iter_nesting
        if _iter_nesting >= MAX_ITER_NESTING:
            raise RecursionError("maximum recursion depth exceeded while getting the next item "
                                 "(iterators nested too deep)")
        _iter_nesting += 1
        try:
            return self.step()
        finally:
            _iter_nesting -= 1

    cdef object step(self):
        cdef PyObject* r = monty_iternext(<PyObject*>self.it)
        if r == NULL:
            if R_ErrOccurred() != NULL:
                raise_pending()
            raise StopIteration
        item = <object>r
        DECREF(r)
        value = (self.count, item)
        self.count += 1
        if cur_vm() is not None:
            check_tuple_depth(cur_vm(), value)
            account(cur_vm(), tuple_size(2) + INT_SIZE)     # the pair and its count (kept by list(...))
        return value


@cython.trashcan(True)
cdef class ZipIter(SandboxIter):
    cdef readonly tuple iters
    cdef readonly bint strict

    def __next__(self):
        # wrappers of wrappers (zip(zip(...)), map over map...) recurse in C: bound the nesting
        global _iter_nesting
        if _iter_nesting >= MAX_ITER_NESTING:
            raise RecursionError("maximum recursion depth exceeded while getting the next item "
                                 "(iterators nested too deep)")
        _iter_nesting += 1
        try:
            return self.step()
        finally:
            _iter_nesting -= 1

    cdef object step(self):
        cdef Py_ssize_t i, n = len(self.iters)
        cdef PyObject* r
        if n == 0:
            raise StopIteration
        out = []
        for i in range(n):
            r = monty_iternext(<PyObject*>self.iters[i])
            if r == NULL:
                if R_ErrOccurred() != NULL:
                    raise_pending()
                if self.strict:
                    self._strict_error(i)
                raise StopIteration
            out.append(<object>r)
            DECREF(r)
        value = tuple(out)
        if cur_vm() is not None:
            check_tuple_depth(cur_vm(), value)
            account(cur_vm(), tuple_size(n))     # (kept by list(zip(...)))
        return value

    def _strict_error(self, Py_ssize_t i):
        cdef PyObject* r
        if i > 0:
            plural = " " if i == 1 else "s 1-"
            raise ValueError(f"zip() argument {i + 1} is shorter than argument{plural}{i}")
        for j in range(1, len(self.iters)):
            r = monty_iternext(<PyObject*>self.iters[j])
            if r != NULL:
                DECREF(r)
                plural = " " if j == 1 else "s 1-"
                raise ValueError(f"zip() argument {j + 1} is longer than argument{plural}{j}")
            if R_ErrOccurred() != NULL:
                raise_pending()


@cython.trashcan(True)
cdef class MapIter(SandboxIter):
    cdef readonly object func
    cdef readonly tuple iters

    def __next__(self):
        # wrappers of wrappers (zip(zip(...)), map over map...) recurse in C: bound the nesting
        global _iter_nesting
        if _iter_nesting >= MAX_ITER_NESTING:
            raise RecursionError("maximum recursion depth exceeded while getting the next item "
                                 "(iterators nested too deep)")
        _iter_nesting += 1
        try:
            return self.step()
        finally:
            _iter_nesting -= 1

    cdef object step(self):
        cdef PyObject* r
        native_tick()
        args = []
        for it in self.iters:
            r = monty_iternext(<PyObject*>it)
            if r == NULL:
                if R_ErrOccurred() != NULL:
                    raise_pending()
                raise StopIteration
            args.append(<object>r)
            DECREF(r)
        return self.func(*args)


@cython.trashcan(True)
cdef class FilterIter(SandboxIter):
    cdef readonly object func
    cdef readonly object it

    def __next__(self):
        # wrappers of wrappers (zip(zip(...)), map over map...) recurse in C: bound the nesting
        global _iter_nesting
        if _iter_nesting >= MAX_ITER_NESTING:
            raise RecursionError("maximum recursion depth exceeded while getting the next item "
                                 "(iterators nested too deep)")
        _iter_nesting += 1
        try:
            return self.step()
        finally:
            _iter_nesting -= 1

    cdef object step(self):
        cdef PyObject* r
        native_tick()
        while True:
            r = monty_iternext(<PyObject*>self.it)
            if r == NULL:
                if R_ErrOccurred() != NULL:
                    raise_pending()
                raise StopIteration
            item = <object>r
            DECREF(r)
            if self.func is None:
                if item:
                    return item
            elif self.func(item):
                return item


@cython.trashcan(True)
cdef class CallIter(SandboxIter):
    """iter(callable, sentinel)."""
    cdef readonly object func
    cdef readonly object sentinel

    def __next__(self):
        # wrappers of wrappers (zip(zip(...)), map over map...) recurse in C: bound the nesting
        global _iter_nesting
        if _iter_nesting >= MAX_ITER_NESTING:
            raise RecursionError("maximum recursion depth exceeded while getting the next item "
                                 "(iterators nested too deep)")
        _iter_nesting += 1
        try:
            return self.step()
        finally:
            _iter_nesting -= 1

    cdef object step(self):
        if self.func is None:
            raise StopIteration
        # (list(iter(int, 1)), deque(iter(f, x)), b''.join(...): native code drains it)
        native_tick()
        value = self.func()
        if value == self.sentinel:
            self.func = None
            raise StopIteration
        return value


@cython.trashcan(True)
cdef class ForeignIter(SandboxIter):
    """Any other CPython iterator (position not snapshot-able)."""
    cdef readonly object it

    def __next__(self):
        # wrappers of wrappers (zip(zip(...)), map over map...) recurse in C: bound the nesting
        global _iter_nesting
        if _iter_nesting >= MAX_ITER_NESTING:
            raise RecursionError("maximum recursion depth exceeded while getting the next item "
                                 "(iterators nested too deep)")
        _iter_nesting += 1
        try:
            return self.step()
        finally:
            _iter_nesting -= 1

    cdef object step(self):
        native_tick()
        return next(self.it)


cdef int raise_pending() except -1:
    """Propagate the exception already set by a raw C call."""
    return -1


cdef dict _ITER_NAMES = {}


cdef object get_iter(object obj):
    """The sandbox iterator over `obj`, or TypeError like CPython."""
    cdef type t = type(obj)
    cdef SandboxIter it
    if t is list or t is tuple:
        it = ListIter.__new__(ListIter)
        (<ListIter>it).seq = obj
        return it
    if t is range:
        return range_iter(obj)
    if t is str or t is bytes:
        it = SeqIter.__new__(SeqIter)
        (<SeqIter>it).seq = obj
        return it
    if t is dict:
        return dict_iter(obj, DICT_KEYS)
    if t is _dict_keys:
        return dict_iter(view_dict(obj), DICT_KEYS)
    if t is _dict_values:
        return dict_iter(view_dict(obj), DICT_VALUES)
    if t is _dict_items:
        return dict_iter(view_dict(obj), DICT_ITEMS)
    if t is set or t is frozenset:
        it = SetIter.__new__(SetIter)
        (<SetIter>it).items = list(obj)
        (<SetIter>it).source = obj
        (<SetIter>it).size = len(obj)
        return it
    if t is Coroutine or t is AsyncGenerator:
        raise TypeError(f"'{type_name(obj)}' object is not iterable")
    if isinstance(obj, SandboxIter):
        return obj
    if is_sandbox_type(type(obj)):
        # a sandbox class's __iter__ (run by CPython's slot) must give an iterator
        inner = iter(obj)
        if isinstance(inner, SandboxIter) or is_sandbox_type(type(inner)):
            return inner
        it = ForeignIter.__new__(ForeignIter)
        (<ForeignIter>it).it = inner
        return it
    if t in _NOT_ITERABLE or isinstance(obj, (Function, VMBuiltin, HostFunction, Code, Cell)):
        raise TypeError(f"'{type_name(obj)}' object is not iterable")
    try:
        inner = iter(obj)
    except TypeError:
        raise TypeError(f"'{type_name(obj)}' object is not iterable") from None
    it = ForeignIter.__new__(ForeignIter)
    (<ForeignIter>it).it = inner
    return it


cdef dict view_dict(object view):
    """The dict behind a keys/values/items view."""
    return <dict>(<_PyDictViewObject*>view).dv_dict


cdef object range_iter(object r):
    cdef SandboxIter it
    try:
        n = len(r)
        it = RangeIter.__new__(RangeIter)
        (<RangeIter>it).current = r.start
        (<RangeIter>it).step = r.step
        (<RangeIter>it).remaining = n
        # the last value must fit too
        _ = <long long>(r.start + r.step * n)
        return it
    except OverflowError:
        it = BigRangeIter.__new__(BigRangeIter)
        (<BigRangeIter>it).current = r.start
        (<BigRangeIter>it).step = r.step
        (<BigRangeIter>it).remaining = (r.stop - r.start + r.step - (1 if r.step > 0 else -1)) // r.step
        if (<BigRangeIter>it).remaining < 0:
            (<BigRangeIter>it).remaining = 0
        return it


cdef object dict_iter(dict d, int kind):
    cdef DictIter it = DictIter.__new__(DictIter)
    it.mapping = d
    it.kind = kind
    it.size = len(d)
    return it


_dict_keys = type({}.keys())
_dict_values = type({}.values())
_dict_items = type({}.items())
cdef tuple _NOT_ITERABLE = (int, float, bool, type(None), complex)


# ------------------------------------------------------------------ loops of the VM
# Builtins that call sandbox code back (sum/any/all/min/max/sorted/list.sort over a generator
# or with a sandbox key, str.join/list.extend/dict.update of a generator): when an argument is
# sandbox code, CALL runs the function of the same job written in sandbox Python
# (monty/modules/_sandbox/_loops.py) as a frame of the loop instead, so a host call inside a
# callback pauses. With builtin values only, the native builtin runs: the check is a scan of
# a few pointers, done only for the calls that reach native code.

cdef enum:
    ROUTE_SUM = 0
    ROUTE_ANY = 1
    ROUTE_ALL = 2
    ROUTE_MIN = 3
    ROUTE_MAX = 4
    ROUTE_SORTED = 5
    ROUTE_LIST_SORT = 6
    ROUTE_JOIN = 7
    ROUTE_EXTEND = 8
    ROUTE_UPDATE = 9
    ROUTE_FORMAT = 10
    ROUTE_FORMAT_MAP = 11
    ROUTE_MAX_KINDS = 16

cdef PyObject* _routed[ROUTE_MAX_KINDS]
cdef int _route_kind[ROUTE_MAX_KINDS]
cdef int _nrouted = 0
cdef tuple _ROUTE_EXPORTS = ("sum_", "any_", "all_", "min_", "max_", "sorted_", "list_sort",
                             "join", "extend", "update", "str_format", "str_format_map")
cdef list _route_keep = []          # the routed callables, kept alive


cdef int add_route(object callable_, int kind) except -1:
    global _nrouted
    if callable_ is None or _nrouted >= ROUTE_MAX_KINDS:
        return 0
    _route_keep.append(callable_)
    _routed[_nrouted] = <PyObject*>callable_
    _route_kind[_nrouted] = kind
    _nrouted += 1
    return 0


cdef inline int route_kind(PyObject* v) noexcept:
    """The ROUTE_* kind of a callable whose loop may run in the VM, or -1."""
    cdef int i
    for i in range(_nrouted):
        if _routed[i] == v:
            return _route_kind[i]
    return -1


cdef object _partial_type = None


cdef bint few_sandbox_items(PyObject* seq) except -1:
    """A list or tuple of 2 to 63 items, one an instance of a sandbox class: its sort runs
    in the loop (a sandbox __lt__ may compare them; monty/modules/_loops.py decides)."""
    cdef Py_ssize_t i, n
    cdef PyObject* x
    if TYPE(seq) == <PyObject*>list:
        n = LIST_SIZE(seq)
        if n < 2 or n >= 64:
            return False
        for i in range(n):
            x = LIST_ITEM(seq, i)
            if heap_typed(x) and is_sandbox_type(<object>TYPE(x)):
                return True
    elif TYPE(seq) == <PyObject*>tuple:
        n = TUPLE_SIZE(seq)
        if n < 2 or n >= 64:
            return False
        for i in range(n):
            x = TUPLE_ITEM(seq, i)
            if heap_typed(x) and is_sandbox_type(<object>TYPE(x)):
                return True
    return False


cdef bint vm_code(object x):
    """Whether calling or iterating `x` runs sandbox code (or a host function): a sandbox
    function, method, class or instance, a generator, a host function, an iterator over
    a sandbox object, a partial of one of those."""
    cdef object t = type(x)
    if (t is Generator or t is Function or t is BoundMethod or t is HostFunction
            or t is ForeignIter or is_sandbox_object(x)):
        return True
    if t is CallIter:
        return vm_code((<CallIter>x).func)
    if t is _partial_type:
        return vm_code(x.func)
    if t is _cmp_key_type:
        return True                 # cmp_to_key(f): sorted() compares through f in the loop
    return False


cdef object _cmp_key_type = None


def register_cmp_key_type(t):
    """functools.cmp_to_key's key class: a sort with such keys runs in the loop."""
    global _cmp_key_type
    _cmp_key_type = t


cdef object loops_function(VM vm, str name):
    """The sandbox-Python function `name` of monty/modules/_loops.py for this sandbox, or
    None when it cannot be built now (the global table is full while a callback runs)."""
    cdef dict attrs
    states = vm.module_state
    attrs = states.get(".loops.") if states is not None else None
    fn = attrs.get(name) if attrs is not None else None
    if fn is None:
        from monty.modules import _loops
        try:
            fn = _loops.function(vm, name)
        except RuntimeError:
            return None
    return fn


cdef object route_of(VM vm, int kind, PyObject** args, Py_ssize_t n, PyObject* kw):
    """The sandbox function to run instead of the routed builtin of `kind` for these
    arguments (n positional, then the values of the keyword names `kw`), or None for the
    native call: the call must have a shape the sandbox function binds exactly as the
    builtin (other shapes get the builtin's own error) and involve sandbox code."""
    cdef Py_ssize_t nkw = TUPLE_SIZE(kw) if kw != NULL else 0
    cdef Py_ssize_t i
    cdef bint found = False
    key = None
    if kind == ROUTE_FORMAT or kind == ROUTE_FORMAT_MAP:
        # str.format / format_map with a sandbox object (or a container holding one) among
        # the arguments: its fields are looked up and formatted in the loop
        if n < 1 or type(<object>args[0]) is not str or (
                kind == ROUTE_FORMAT_MAP and (n != 2 or nkw)):
            return None
        for i in range(1, n + nkw):
            if ((heap_typed(args[i]) and is_sandbox_type(<object>TYPE(args[i])))
                    or container_needs_loop(args[i])):
                return loops_function(vm, _ROUTE_EXPORTS[kind])
        return None
    for i in range(nkw):
        name = <object>TUPLE_ITEM(kw, i)
        if name == "key" and (kind == ROUTE_MIN or kind == ROUTE_MAX or kind == ROUTE_SORTED
                              or kind == ROUTE_LIST_SORT):
            key = <object>args[n + i]
            found = found or (key is not None and vm_code(key))
        elif name == "reverse" and (kind == ROUTE_SORTED or kind == ROUTE_LIST_SORT):
            pass
        elif name == "default" and (kind == ROUTE_MIN or kind == ROUTE_MAX):
            pass
        elif name == "start" and kind == ROUTE_SUM and n == 1:
            pass
        else:
            return None
    if kind == ROUTE_SUM:
        if n < 1 or n > 2 or n + nkw > 2:
            return None
        found = vm_code(<object>args[0])
    elif kind == ROUTE_ANY or kind == ROUTE_ALL:
        if n != 1 or nkw:
            return None
        found = vm_code(<object>args[0])
    elif kind == ROUTE_MIN or kind == ROUTE_MAX:
        if n < 1:
            return None
        for i in range(n):
            if found:
                break
            found = vm_code(<object>args[i])
    elif kind == ROUTE_SORTED:
        if n != 1:
            return None
        found = found or vm_code(<object>args[0]) or (key is None and few_sandbox_items(args[0]))
    elif kind == ROUTE_LIST_SORT:
        if n != 1 or type(<object>args[0]) is not list:
            return None
        found = found or (key is None and few_sandbox_items(args[0]))
    else:   # join, extend, update: (self, iterable)
        if n != 2 or nkw:
            return None
        if kind == ROUTE_EXTEND and type(<object>args[0]) is not list:
            return None
        if kind == ROUTE_UPDATE and type(<object>args[0]) is not dict:
            return None
        found = vm_code(<object>args[1])
    if not found:
        return None
    return loops_function(vm, _ROUTE_EXPORTS[kind])


cdef dict _generic_routes = {}       # host-module function -> predicate (see register_route)
import types as _pytypes
cdef object _PY_FUNCTION = _pytypes.FunctionType


def register_route(func, predicate):
    """Route calls of the host-module function `func` (a Python function shared by every
    sandbox) to sandbox Python: `predicate(*args, **kwargs)` names the function of
    monty/modules/_loops.py to run instead, or returns None for `func` itself (also when the
    arguments do not bind: `func` gives its own error)."""
    _generic_routes[func] = predicate


cdef object generic_route(VM vm, PyObject* v, PyObject** args, Py_ssize_t n, PyObject* kw):
    """The sandbox function to run instead of the Python function `v`, or None."""
    pred = _generic_routes.get(<object>v)
    if pred is None:
        return None
    positional, kwargs = call_args(args, n, kw)
    try:
        name = pred(*positional, **kwargs)
    except TypeError:
        return None
    if name is None:
        return None
    return loops_function(vm, name)


cdef object generic_route_values(VM vm, object func, object args, object kwargs):
    """generic_route for CALL_EX's spread arguments (a tuple or list, a dict or None)."""
    pred = _generic_routes.get(func)
    if pred is None:
        return None
    try:
        name = pred(*args, **(kwargs if kwargs is not None else {}))
    except TypeError:
        return None
    if name is None:
        return None
    return loops_function(vm, name)


cdef inline object routed_function(VM vm, PyObject* v, PyObject** args, Py_ssize_t n,
                                   PyObject* kw):
    """What CALL runs instead of the native or host-module callable `v` for these arguments
    (a sandbox function of monty/modules/_loops.py), or None."""
    cdef int h = route_kind(v)
    if h >= 0:
        return route_of(vm, h, args, n, kw)
    if TYPE(v) == <PyObject*>_PY_FUNCTION and _generic_routes:
        return generic_route(vm, v, args, n, kw)
    return None


cdef object loops_generator(VM vm, str name, tuple args):
    """A generator of monty/modules/_loops.py made for `args` (no code runs yet), or None."""
    fn = loops_function(vm, name)
    if fn is None:
        return None
    return vm.call_nested(fn, args, None)


cdef int init_routes() except -1:
    global _partial_type
    import functools
    _partial_type = functools.partial
    add_route(_py_builtins.sum, ROUTE_SUM)
    add_route(_py_builtins.any, ROUTE_ANY)
    add_route(_py_builtins.all, ROUTE_ALL)
    add_route(_py_builtins.min, ROUTE_MIN)
    add_route(_py_builtins.max, ROUTE_MAX)
    add_route(_py_builtins.sorted, ROUTE_SORTED)
    add_route(_VM_METHODS[(list, "sort")], ROUTE_LIST_SORT)
    add_route(_policy.lookup_method(str, "join"), ROUTE_JOIN)
    add_route(_policy.lookup_method(bytes, "join"), ROUTE_JOIN)
    add_route(_policy.lookup_method(list, "extend"), ROUTE_EXTEND)
    add_route(_policy.lookup_method(dict, "update"), ROUTE_UPDATE)
    add_route(_policy.lookup_method(str, "format"), ROUTE_FORMAT)
    add_route(_policy.lookup_method(str, "format_map"), ROUTE_FORMAT_MAP)
    return 0
