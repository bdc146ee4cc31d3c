# Printed text: the sandbox's print callback (see monty/outcome.py). It counts the UTF-8 bytes
# a run prints against Limits.max_output (past it: a marker, then nothing; the run goes on)
# and hands the text to the host's callback, its stderr callback, the buffers of an
# execute(), or the host's sys.stdout / sys.stderr. In C: print is a hot path.

cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object)
    Py_ssize_t PyUnicode_GET_LENGTH(object)


cdef class OutputSink:
    """Where a sandbox's printed text goes (the print callback its VM calls)."""

    cdef public object callback         # the host's print_callback, or None
    cdef public object err_callback     # sys.stderr's text apart (None: with the rest)
    cdef public object buffers          # ([stdout parts], [stderr parts]) while execute() runs
    cdef readonly object limit          # Limits.max_output, or None
    cdef long long cap                  # the same; -1: none
    cdef public long long used          # bytes printed in this run
    cdef public bint cut                # the limit was reached in this run

    def __init__(self, callback, limit=None):
        self.callback = callback
        self.err_callback = None
        self.buffers = None
        self.limit = limit
        self.cap = -1 if limit is None else limit
        self.used = 0
        self.cut = False

    def reset(self):
        self.used = 0
        self.cut = False

    def set_limit(self, limit):
        """A new Limits.max_output (None: none), between runs."""
        self.limit = limit
        self.cap = -1 if limit is None else limit

    cdef int write(self, str text, bint err) except -1:
        cdef Py_ssize_t n
        if self.cap >= 0:
            if self.cut:
                return 0
            if PyUnicode_IS_ASCII(text):
                n = PyUnicode_GET_LENGTH(text)
            else:
                n = len(text.encode("utf-8", "surrogatepass"))
            if self.used + n > self.cap:
                from monty.outcome import cut_text
                text = cut_text(text, self.cap - self.used, self.cap)
                self.cut = True
            self.used += n
        if self.buffers is not None:
            (<list>self.buffers[1 if err else 0]).append(text)
        elif err and self.err_callback is not None:
            self.err_callback(text)
        elif self.callback is not None:
            self.callback(text)
        else:
            (_sys.stderr if err else _sys.stdout).write(text)
        return 0

    def __call__(self, str text, bint err=False):
        self.write(text, err)


cdef int emit_text(VM vm, str text, bint err) except -1:
    """Printed text from sandbox code (print, sys.stdout/sys.stderr.write). The host's code
    runs with the allocator guard off: its allocations are its own."""
    cdef monty_meter* m = meter_detach()
    try:
        cb = vm.print_callback
        if type(cb) is OutputSink:
            return (<OutputSink>cb).write(text, err)
        if cb is None:
            (_sys.stderr if err else _sys.stdout).write(text)
        elif err:
            cb(text, True)
        else:
            cb(text)
    finally:
        meter_restore(m)
    return 0
