# Raw C-API declarations with explicit reference counting for the eval loop.
# A PyObject*-returning call returns a new reference; `except NULL` / `except -1` make Cython
# jump to the loop's exception handler on failure.

cdef extern from "Python.h":
    ctypedef struct PyListObject:
        PyObject** ob_item
    ctypedef struct PyTupleObject:
        PyObject** ob_item
    ctypedef struct _PyDictViewObject:
        PyObject* dv_dict

    PyObject* NONE_P "Py_None"
    PyObject* TRUE_P "Py_True"
    PyObject* FALSE_P "Py_False"
    void INCREF "Py_INCREF"(PyObject*)
    void DECREF "Py_DECREF"(PyObject*)
    void XINCREF "Py_XINCREF"(PyObject*)
    void XDECREF "Py_XDECREF"(PyObject*)
    PyObject* TYPE "(PyObject*)Py_TYPE"(PyObject*)
    void Py_SET_SIZE(PyObject*, Py_ssize_t)

    PyObject* R_Add "PyNumber_Add"(PyObject*, PyObject*) except NULL
    PyObject* R_Sub "PyNumber_Subtract"(PyObject*, PyObject*) except NULL
    PyObject* R_Mul "PyNumber_Multiply"(PyObject*, PyObject*) except NULL
    PyObject* R_TrueDiv "PyNumber_TrueDivide"(PyObject*, PyObject*) except NULL
    PyObject* R_FloorDiv "PyNumber_FloorDivide"(PyObject*, PyObject*) except NULL
    PyObject* R_Mod "PyNumber_Remainder"(PyObject*, PyObject*) except NULL
    PyObject* R_Pow "PyNumber_Power"(PyObject*, PyObject*, PyObject*) except NULL
    PyObject* R_LShift "PyNumber_Lshift"(PyObject*, PyObject*) except NULL
    PyObject* R_RShift "PyNumber_Rshift"(PyObject*, PyObject*) except NULL
    PyObject* R_And "PyNumber_And"(PyObject*, PyObject*) except NULL
    PyObject* R_Or "PyNumber_Or"(PyObject*, PyObject*) except NULL
    PyObject* R_Xor "PyNumber_Xor"(PyObject*, PyObject*) except NULL
    PyObject* R_MatMul "PyNumber_MatrixMultiply"(PyObject*, PyObject*) except NULL
    PyObject* R_IAdd "PyNumber_InPlaceAdd"(PyObject*, PyObject*) except NULL
    PyObject* R_ISub "PyNumber_InPlaceSubtract"(PyObject*, PyObject*) except NULL
    PyObject* R_IMul "PyNumber_InPlaceMultiply"(PyObject*, PyObject*) except NULL
    PyObject* R_ITrueDiv "PyNumber_InPlaceTrueDivide"(PyObject*, PyObject*) except NULL
    PyObject* R_IFloorDiv "PyNumber_InPlaceFloorDivide"(PyObject*, PyObject*) except NULL
    PyObject* R_IMod "PyNumber_InPlaceRemainder"(PyObject*, PyObject*) except NULL
    PyObject* R_IPow "PyNumber_InPlacePower"(PyObject*, PyObject*, PyObject*) except NULL
    PyObject* R_ILShift "PyNumber_InPlaceLshift"(PyObject*, PyObject*) except NULL
    PyObject* R_IRShift "PyNumber_InPlaceRshift"(PyObject*, PyObject*) except NULL
    PyObject* R_IAnd "PyNumber_InPlaceAnd"(PyObject*, PyObject*) except NULL
    PyObject* R_IOr "PyNumber_InPlaceOr"(PyObject*, PyObject*) except NULL
    PyObject* R_IXor "PyNumber_InPlaceXor"(PyObject*, PyObject*) except NULL
    PyObject* R_IMatMul "PyNumber_InPlaceMatrixMultiply"(PyObject*, PyObject*) except NULL
    PyObject* R_Neg "PyNumber_Negative"(PyObject*) except NULL
    PyObject* R_Pos "PyNumber_Positive"(PyObject*) except NULL
    PyObject* R_Invert "PyNumber_Invert"(PyObject*) except NULL

    PyObject* R_RichCompare "PyObject_RichCompare"(PyObject*, PyObject*, int) except NULL
    int R_IsTrue "PyObject_IsTrue"(PyObject*) except -1
    int PyObject_IsTrue(PyObject*)
    int R_Contains "PySequence_Contains"(PyObject*, PyObject*) except -1
    PyObject* R_GetItem "PyObject_GetItem"(PyObject*, PyObject*) except NULL
    int R_SetItem "PyObject_SetItem"(PyObject*, PyObject*, PyObject*) except -1
    int R_DelItem "PyObject_DelItem"(PyObject*, PyObject*) except -1
    PyObject* R_Vectorcall "PyObject_Vectorcall"(PyObject*, PyObject**, size_t, PyObject*) except NULL
    PyObject* R_Str "PyObject_Str"(PyObject*) except NULL

    PyObject* R_ListNew "PyList_New"(Py_ssize_t) except NULL
    int R_ListAppend "PyList_Append"(PyObject*, PyObject*) except -1
    PyObject* R_ListAsTuple "PyList_AsTuple"(PyObject*) except NULL
    PyObject* R_TupleNew "PyTuple_New"(Py_ssize_t) except NULL
    PyObject* R_DictNew "PyDict_New"() except NULL
    int R_DictSetItem "PyDict_SetItem"(PyObject*, PyObject*, PyObject*) except -1
    int R_DictContains "PyDict_Contains"(PyObject*, PyObject*) except -1
    bint DictCheck "PyDict_Check"(PyObject*)
    PyObject* R_SetNew "PySet_New"(PyObject*) except NULL
    int R_SetAdd "PySet_Add"(PyObject*, PyObject*) except -1
    PyObject* R_SliceNew "PySlice_New"(PyObject*, PyObject*, PyObject*) except NULL
    PyObject* R_LongFromLongLong "PyLong_FromLongLong"(long long) except NULL

    bint LongExact "PyLong_CheckExact"(PyObject*)
    unsigned long PyType_GetFlags(PyObject*)
    unsigned long Py_TPFLAGS_HEAPTYPE
    bint FloatExact "PyFloat_CheckExact"(PyObject*)
    bint ListExact "PyList_CheckExact"(PyObject*)
    bint TupleExact "PyTuple_CheckExact"(PyObject*)
    bint TupleCheck "PyTuple_Check"(PyObject*)
    bint ListCheck "PyList_Check"(PyObject*)
    bint LongCheck "PyLong_Check"(PyObject*)
    bint UnicodeExact "PyUnicode_CheckExact"(PyObject*)
    Py_ssize_t LIST_SIZE "PyList_GET_SIZE"(PyObject*)
    Py_ssize_t TUPLE_SIZE "PyTuple_GET_SIZE"(PyObject*)
    PyObject* LIST_ITEM "PyList_GET_ITEM"(PyObject*, Py_ssize_t)
    PyObject* TUPLE_ITEM "PyTuple_GET_ITEM"(PyObject*, Py_ssize_t)
    void LIST_SET "PyList_SET_ITEM"(PyObject*, Py_ssize_t, PyObject*)
    void TUPLE_SET "PyTuple_SET_ITEM"(PyObject*, Py_ssize_t, PyObject*)

    PyObject* R_ErrOccurred "PyErr_Occurred"()
    int R_ErrExceptionMatches "PyErr_ExceptionMatches"(PyObject*)
    void R_ErrClear "PyErr_Clear"()
    void PyErr_Restore(PyObject*, PyObject*, PyObject*)

cdef extern from *:
    """
    /* The next item of an iterator: a new reference, or NULL when exhausted (no error set)
       or failed (error set). A StopIteration raised by the iterator counts as exhaustion. */
    static PyObject* monty_iternext(PyObject* it) {
        PyObject* r;
        if (Py_TYPE(it)->tp_iternext == NULL) {   /* only a doctored snapshot gets here */
            PyErr_Format(PyExc_TypeError, "'%.100s' object is not an iterator", Py_TYPE(it)->tp_name);
            return NULL;
        }
        r = Py_TYPE(it)->tp_iternext(it);
        if (r == NULL && PyErr_Occurred() && PyErr_ExceptionMatches(PyExc_StopIteration))
            PyErr_Clear();
        return r;
    }
    """
    PyObject* monty_iternext(PyObject*)

cdef extern from *:
    """
    /* A class created by sandbox code: a heap type whose own namespace holds the marker. */
    static int monty_is_sandbox_type(PyObject* t, PyObject* marker) {
        PyObject* d;
        if (!PyType_Check(t) || !(((PyTypeObject*)t)->tp_flags & Py_TPFLAGS_HEAPTYPE))
            return 0;
        d = ((PyTypeObject*)t)->tp_dict;
        if (d == NULL)
            return 0;
        if (PyDict_GetItemWithError(d, marker) != NULL)
            return 1;
        PyErr_Clear();
        return 0;
    }

    /* An instance of a subclass (a heap type) of a builtin whose operations are pre-checked:
       int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset. Exact
       builtins (static types) answer 0 at the first test. */
    static inline int monty_sub_builtin(PyObject* o) {
        PyTypeObject* t = Py_TYPE(o);
        unsigned long f = t->tp_flags;
        if (!(f & Py_TPFLAGS_HEAPTYPE))
            return 0;
        if (f & (Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_TUPLE_SUBCLASS
                 | Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS))
            return 1;
        return PyType_IsSubtype(t, &PyFloat_Type) || PyType_IsSubtype(t, &PySet_Type)
            || PyType_IsSubtype(t, &PyFrozenSet_Type) || PyType_IsSubtype(t, &PyByteArray_Type)
            || PyType_IsSubtype(t, &PyComplex_Type);
    }

    static inline int monty_is_heap_type(PyObject* o) {
        return PyType_Check(o) && (((PyTypeObject*)o)->tp_flags & Py_TPFLAGS_HEAPTYPE);
    }

    static inline int monty_is_subtype(PyObject* a, PyObject* b) {
        return PyType_IsSubtype((PyTypeObject*)a, (PyTypeObject*)b);
    }
    """
    bint monty_is_sandbox_type(PyObject* t, PyObject* marker)
    bint monty_sub_builtin(PyObject* o)
    bint monty_is_subtype(PyObject* a, PyObject* b)
    bint monty_is_heap_type(PyObject* o)
    PyObject* _PyType_Lookup(PyObject* t, PyObject* name)
    PyObject** _PyObject_GetDictPtr(PyObject* obj)


cdef extern from *:
    """
    /* perf_counter() in seconds, without a Python call (0.0 if the clock fails) */
    static double monty_now(void) {
    #if PY_VERSION_HEX >= 0x030D0000
        PyTime_t t;
        if (PyTime_PerfCounterRaw(&t) < 0) { PyErr_Clear(); return 0.0; }
        return PyTime_AsSecondsDouble(t);
    #else
        return _PyTime_AsSecondsDouble(_PyTime_GetPerfCounter());
    #endif
    }
    """
    double monty_now()


cdef extern from *:
    """
    /* this thread's voluntary and involuntary context switches so far (-1: not known here) */
    #if defined(__linux__)
    #include <sys/resource.h>
    static int monty_switches(long *voluntary, long *involuntary) {
        struct rusage r;
        if (getrusage(RUSAGE_THREAD, &r) != 0) return -1;
        *voluntary = r.ru_nvcsw;
        *involuntary = r.ru_nivcsw;
        return 0;
    }
    #else
    static int monty_switches(long *voluntary, long *involuntary) { return -1; }
    #endif
    """
    int monty_switches(long* voluntary, long* involuntary)


cdef object _CLASS_MARKER = "__monty_class__"


cdef inline bint is_sandbox_type(object t):
    """A class sandbox code created (see build_class)."""
    return monty_is_sandbox_type(<PyObject*>t, <PyObject*>_CLASS_MARKER)


cdef inline bint is_dunderish(str name):
    """Starts with two underscores: such names take the gate's slow path."""
    return len(name) > 1 and name[0] == u"_" and name[1] == u"_"


cdef extern from "Python.h":
    ctypedef struct PyTypeObject_tpname "PyTypeObject":
        const char* tp_name

cdef extern from "Python.h":
    ctypedef struct PyTypeObject_mro "PyTypeObject":
        PyObject* tp_mro

cdef tuple CHECKED_BASES     # policy._CHECKED_BASES (set in _builtins.pxi, on import)


cdef object checked_base(object cls):
    """policy.builtin_base(cls) without Python-level work (a class's construction asks it every
    time): the first of CHECKED_BASES on the class's real MRO (bool's is int), or None."""
    cdef PyObject* mro = (<PyTypeObject_mro*><PyObject*>cls).tp_mro
    cdef Py_ssize_t i, j, n
    cdef PyObject* k
    cdef Py_ssize_t nb = len(CHECKED_BASES)
    if mro == NULL:
        return None
    n = TUPLE_SIZE(mro)
    for i in range(n):
        k = TUPLE_ITEM(mro, i)
        for j in range(nb):
            if k == TUPLE_ITEM(<PyObject*>CHECKED_BASES, j):
                return <object>k
    return None


cdef list _tp_name_bytes = []      # keeps the C strings set below alive


def set_tp_name(type cls, str name):
    """Give a heap class the dotted C-level name CPython's own messages use for the C type it
    stands for ("collections.deque"); its `__name__` is unchanged."""
    if not cls.__flags__ & (1 << 9):
        raise TypeError("only heap types")
    data = name.encode()
    _tp_name_bytes.append(data)
    (<PyTypeObject_tpname*><PyObject*>cls).tp_name = <const char*>data
