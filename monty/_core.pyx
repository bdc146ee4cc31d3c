# cython: language_level=3
"""The monty VM: compiled code objects, frames over one data stack, the eval loop, builtins.

One compiled unit split by concern: each included file has one job.
"""

cimport cython

from monty.opcodes import OPERAND_KINDS

cdef enum:
    CO_VARARGS = 1
    CO_VARKEYWORDS = 2
    CO_MODULE = 4
    CO_GENERATOR = 8
    CO_COROUTINE = 0x80
    CO_ITERABLE_COROUTINE = 0x100
    CO_ASYNC_GENERATOR = 0x200

cdef enum:                  # what a paused VM waits for (VM.pause_kind)
    PAUSE_CALL = 0          # the host's answer to one host call (start(): a Call)
    PAUSE_WAIT = 1          # answers to the async host calls every task awaits (a Pending)
    PAUSE_SLICE = 2         # nothing: run_async() gave the host's event loop a turn

include "_opcodes.pxi"
include "_capi.pxi"
include "_values.pxi"
include "_iterators.pxi"
include "_generators.pxi"
include "_vm.pxi"
include "_calls.pxi"
include "_resume.pxi"
include "_protocols.pxi"
include "_builtins.pxi"
include "_exec.pxi"
include "_classes.pxi"
include "_slots.pxi"
include "_match.pxi"
include "_snapshot.pxi"
include "_limits.pxi"
include "_async.pxi"
include "_output.pxi"
include "_hostasync.pxi"
