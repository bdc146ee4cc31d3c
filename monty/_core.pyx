# cython: language_level=3
"""The monty VM: compiled code objects, frames over one data stack, the eval loop, builtins.

One compiled unit split by concern: each included file has one job.
"""

from monty.opcodes import OPERAND_KINDS

cdef enum:
    CO_VARARGS = 1
    CO_VARKEYWORDS = 2
    CO_MODULE = 4
    CO_GENERATOR = 8
    CO_COROUTINE = 0x80
    CO_ITERABLE_COROUTINE = 0x100
    CO_ASYNC_GENERATOR = 0x200

include "_opcodes.pxi"
include "_capi.pxi"
include "_values.pxi"
include "_iterators.pxi"
include "_generators.pxi"
include "_vm.pxi"
include "_calls.pxi"
include "_resume.pxi"
include "_builtins.pxi"
include "_classes.pxi"
include "_slots.pxi"
include "_match.pxi"
include "_snapshot.pxi"
include "_limits.pxi"
include "_async.pxi"
