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
            account(cur_vm(), 72 + 32)      # the pair and its count (kept by list(...))
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
            account(cur_vm(), 64 + 8 * n)     # (kept by list(zip(...)))
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
