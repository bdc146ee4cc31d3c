"""The one instruction table: every fact about an instruction is written here once, and the
compiler, the VM (through the generated `_opcodes.pxi`) and the snapshot verifier read it.

An instruction is three int32 words: opcode, operand `a`, operand `b`. Operand kinds:
  -      unused (0)
  const  index into the code's constants
  local  frame slot (fast local, or cell/free slot for the *_DEREF/CLOSURE ops); in module
         code, an index into `names` that linking rewrites to the sandbox's global slot
  global index into `names`, resolved through the frame's global map
  name   index into `names` used as an attribute / module name (never rewritten)
  jump   absolute instruction index
  n      a count
  op     an operator (BinOp / UnaryOp / CmpOp below)
  flags  bit flags documented per instruction

Stack signatures, in the manner of CPython's bytecodes.c: `inputs -- outputs`, top of stack
last. Each item is `name[:kind][*count]`: `count` is a Python expression of the operands `a`
and `b` (default 1). An input's kind is what the VM relies on without checking (the verifier
proves it before a snapshot's frames reach the loop); an output's kind is what the VM
guarantees. An output named like an input is that input, left in place (its kind kept).
Kinds:
  a  any value              m  a value or NULL        i  a sandbox iterator
  e  an exception           h  an exception or None (the exception handled before)
  L  list   S  set   D  dict   s  str   t  tuple   f  sandbox function
  c  (output only) the kind of the constant `a`
An instruction with a jump operand has a second signature for the taken branch.

Flags:
  raise   can raise (an instruction without it is never the source of a handler entry)
  end     control never falls through to the next instruction
  pause   a host call here can pause the run (the frame is saved at this instruction)
  resume  runs a generator frame above this one (the frame waits at this instruction):
          `resume-for` as an iterator, `resume-send` as an awaited delegate, `resume-call`
          through next()/send()/throw() or a consumer such as list(gen)
  yield   a generator frame suspends here
  class   reads the class namespace held in fast slot 0: class bodies only

PROTOCOLS (below the table) lists the ways an instruction can run a sandbox dunder as a frame
of the loop (a property getter under LOAD_ATTR, __add__ under BINARY_OP...): the VM's PROTO_*
numbers, the instructions whose frame may wait on each, and the caller's stack meanwhile,
which the snapshot verifier checks.
"""

import enum
from typing import NamedTuple, Optional


class BinOp(enum.IntEnum):
    """Binary operators; the in-place form of each is `op + INPLACE`."""
    ADD = 0
    SUB = 1
    MUL = 2
    TRUEDIV = 3
    FLOORDIV = 4
    MOD = 5
    POW = 6
    LSHIFT = 7
    RSHIFT = 8
    AND = 9
    OR = 10
    XOR = 11
    MATMUL = 12


INPLACE = len(BinOp)

# per operator: source symbol, ast node class name, `operator` module function
BINOP_INFO = {
    BinOp.ADD: ("+", "Add", "add"), BinOp.SUB: ("-", "Sub", "sub"),
    BinOp.MUL: ("*", "Mult", "mul"), BinOp.TRUEDIV: ("/", "Div", "truediv"),
    BinOp.FLOORDIV: ("//", "FloorDiv", "floordiv"), BinOp.MOD: ("%", "Mod", "mod"),
    BinOp.POW: ("**", "Pow", "pow"), BinOp.LSHIFT: ("<<", "LShift", "lshift"),
    BinOp.RSHIFT: (">>", "RShift", "rshift"), BinOp.AND: ("&", "BitAnd", "and_"),
    BinOp.OR: ("|", "BitOr", "or_"), BinOp.XOR: ("^", "BitXor", "xor"),
    BinOp.MATMUL: ("@", "MatMult", "matmul"),
}


class UnaryOp(enum.IntEnum):
    NEG = 0
    POS = 1
    INVERT = 2
    NOT = 3


UNARY_AST = {"USub": UnaryOp.NEG, "UAdd": UnaryOp.POS, "Invert": UnaryOp.INVERT, "Not": UnaryOp.NOT}


class CmpOp(enum.IntEnum):
    """Comparisons; LT..GE are numbered as CPython's Py_LT..Py_GE (PyObject_RichCompare)."""
    LT = 0
    LE = 1
    EQ = 2
    NE = 3
    GT = 4
    GE = 5
    IN = 6
    NOT_IN = 7
    IS = 8
    IS_NOT = 9


CMP_AST = {"Lt": CmpOp.LT, "LtE": CmpOp.LE, "Eq": CmpOp.EQ, "NotEq": CmpOp.NE, "Gt": CmpOp.GT,
           "GtE": CmpOp.GE, "In": CmpOp.IN, "NotIn": CmpOp.NOT_IN, "Is": CmpOp.IS,
           "IsNot": CmpOp.IS_NOT}
BINOP_AST = {info[1]: op for op, info in BINOP_INFO.items()}

# the symbol tables older code reads (index = enum value)
BINOPS = tuple(BINOP_INFO[op][0] for op in BinOp)
UNOPS = ("-", "+", "~", "not")
CMPOPS = ("<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not")

# CALL b flags
CALL_METHOD = 1     # stack holds callable, self-or-NULL, args...
CALL_KWNAMES = 2    # a tuple of keyword names sits on top of the args
# CALL_EX a flags
CALL_EX_KWARGS = 1
# MAKE_FUNCTION a flags (pushed in this order below the code object)
MF_DEFAULTS = 1
MF_KWDEFAULTS = 2
MF_CLOSURE = 4
# FORMAT_VALUE a: low 2 bits = conversion (0 none, 1 str, 2 repr, 3 ascii); bit 2 = spec on stack
FV_SPEC = 4


class Item(NamedTuple):
    """One stack item of a signature."""
    name: str
    kind: str           # '' when the signature does not say
    count: object       # an int, or a function of (a, b)


class Signature(NamedTuple):
    inputs: tuple
    outputs: tuple


class Instruction(NamedTuple):
    name: str
    a: str                       # operand kinds
    b: str
    stack: Signature             # when control falls through
    jump: Optional[Signature]    # when the jump operand is taken (None: no jump operand)
    flags: frozenset
    doc: str


KINDS = frozenset("amiehLSDstf")
OPERAND_KIND_NAMES = frozenset("- const local global name jump n op flags".split())
FLAGS = frozenset("raise end pause resume-for resume-send resume-call yield class".split())


def _item(text):
    count = 1
    if "*" in text:
        text, expr = text.split("*", 1)
        count = eval(f"lambda a, b: {expr}", {})     # the table's own text, at import
    name, _, kind = text.partition(":")
    assert name.isidentifier() and (kind == "" or kind in KINDS or kind == "c"), text
    return Item(name, kind, count)


def _signature(text):
    left, sep, right = text.partition("--")
    assert sep, text
    return Signature(tuple(_item(t) for t in left.split()), tuple(_item(t) for t in right.split()))


def _row(name, a, b, stack, flags, doc, jump=None):
    flags = frozenset(flags.split())
    assert flags <= FLAGS, name
    assert (jump is not None) == ("jump" in (a, b)), name
    return Instruction(name, a, b, _signature(stack), _signature(jump) if jump else None,
                       flags, doc)


R = "raise"
OPCODES = [
    _row("POP_TOP", "-", "-", "v --", R, "discard the top of the stack"),
    _row("COPY", "n", "-", "x rest*(a-1) -- x rest*(a-1) x", "", "push the a-th item from the top"),
    _row("SWAP", "n", "-", "x mid*(a-2) y -- y mid*(a-2) x", "", "swap the top with the a-th item"),
    _row("LOAD_CONST", "const", "-", "-- v:c", "", "push constant a"),
    _row("LOAD_FAST", "local", "-", "-- v", R, "push local a (UnboundLocalError when empty)"),
    _row("STORE_FAST", "local", "-", "v --", R, "pop into local a"),
    _row("DELETE_FAST", "local", "-", "--", R, "empty local a"),
    _row("LOAD_FAST_LOAD_FAST", "local", "local", "-- v w", R, "push locals a and b"),
    _row("LOAD_GLOBAL", "global", "-", "-- v", R, "push global a, else builtin a (NameError)"),
    _row("STORE_GLOBAL", "global", "-", "v --", R, "pop into global a"),
    _row("DELETE_GLOBAL", "global", "-", "--", R, "empty global a"),
    _row("LOAD_DEREF", "local", "-", "-- v", R, "push the contents of cell slot a"),
    _row("STORE_DEREF", "local", "-", "v --", R, "pop into cell slot a"),
    _row("DELETE_DEREF", "local", "-", "--", R, "empty cell slot a"),
    _row("LOAD_CLOSURE", "local", "-", "-- cell", R, "push the cell in slot a itself"),
    _row("LOAD_ATTR", "name", "-", "obj -- v", R, "obj.name through the attribute gate"),
    _row("STORE_ATTR", "name", "-", "v obj --", R, "obj.name = v through the gate"),
    _row("DELETE_ATTR", "name", "-", "obj --", R, "del obj.name through the gate"),
    _row("LOAD_METHOD", "name", "-", "obj -- meth self:m", R,
         "the method and obj, or the attribute and NULL, for a CALL with CALL_METHOD"),
    _row("BINARY_OP", "op", "-", "l r -- res", R, "l (BinOp a) r, pre-checked"),
    _row("BINARY_OP_STORE_FAST", "op", "local", "l r --", R, "BINARY_OP into local b"),
    _row("UNARY_OP", "op", "-", "v -- res", R, "(UnaryOp a) v"),
    _row("COMPARE_OP", "op", "-", "l r -- res", R, "l (CmpOp a) r"),
    _row("COMPARE_JUMP_IF_FALSE", "op", "jump", "l r --", R,
         "COMPARE_OP, then jump to b when the result is false", jump="l r --"),
    _row("BINARY_SUBSCR", "-", "-", "c k -- v", R, "c[k]"),
    _row("STORE_SUBSCR", "-", "-", "v c k --", R, "c[k] = v"),
    _row("DELETE_SUBSCR", "-", "-", "c k --", R, "del c[k]"),
    _row("BUILD_SLICE", "n", "-", "part*a -- sl", R, "slice of a parts (2 or 3)"),
    _row("BUILD_TUPLE", "n", "-", "item*a -- tup:t", R, "tuple of a items"),
    _row("BUILD_LIST", "n", "-", "item*a -- lst:L", R, "list of a items"),
    _row("BUILD_SET", "n", "-", "item*a -- st:S", R, "set of a items"),
    _row("BUILD_MAP", "n", "-", "kv*(2*a) -- d:D", R, "dict of a key, value pairs"),
    _row("BUILD_STRING", "n", "-", "piece:s*a -- str", R, "concatenation of a strs"),
    _row("LIST_APPEND", "n", "-", "lst:L rest*(a-1) item -- lst rest*(a-1)", R,
         "append to the list a items down (comprehensions)"),
    _row("SET_ADD", "n", "-", "st:S rest*(a-1) item -- st rest*(a-1)", R,
         "add to the set a items down"),
    _row("MAP_ADD", "n", "-", "d:D rest*(a-1) k v -- d rest*(a-1)", R,
         "d[k] = v on the dict a items down"),
    _row("LIST_EXTEND", "n", "flags", "lst:L rest*(a-1) it -- lst rest*(a-1)", R,
         "extend the list a items down by an iterable (b: the function below names the error)"),
    _row("SET_UPDATE", "n", "-", "st:S rest*(a-1) it -- st rest*(a-1)", R,
         "update the set a items down from an iterable"),
    _row("DICT_UPDATE", "n", "-", "d:D rest*(a-1) m -- d rest*(a-1)", R,
         "update the dict a items down from a mapping ({**m})"),
    _row("DICT_MERGE", "n", "-", "d:D rest*(a-1) m -- d rest*(a-1)", R,
         "DICT_UPDATE refusing repeated keywords (f(**m)); the function sits below the dict"),
    _row("LIST_TO_TUPLE", "-", "-", "lst -- tup", R, "tuple(list)"),
    _row("UNPACK_SEQUENCE", "n", "-", "seq -- item*a", R, "a items of seq, the first on top"),
    _row("UNPACK_EX", "n", "n", "seq -- item*(a+b+1)", R,
         "a items, a list of the middle, b items (starred assignment)"),
    _row("FORMAT_VALUE", "flags", "-", "v spec*(a>>2&1) -- str:s", R,
         "f-string field: conversion a&3, a format spec on the stack when a&FV_SPEC"),
    _row("JUMP", "jump", "-", "--", "end", "jump forward to a", jump="--"),
    _row("JUMP_BACKWARD", "jump", "-", "--", "raise end",
         "jump back to a: a tick point of the limits", jump="--"),
    _row("POP_JUMP_IF_FALSE", "jump", "-", "c --", R, "pop; jump to a when false", jump="c --"),
    _row("POP_JUMP_IF_TRUE", "jump", "-", "c --", R, "pop; jump to a when true", jump="c --"),
    _row("JUMP_IF_FALSE_OR_POP", "jump", "-", "c --", R,
         "jump to a keeping c when false, else pop it (`and`)", jump="c -- c"),
    _row("JUMP_IF_TRUE_OR_POP", "jump", "-", "c --", R,
         "jump to a keeping c when true, else pop it (`or`)", jump="c -- c"),
    _row("GET_ITER", "-", "-", "v -- it:i", R, "iter(v) as a sandbox iterator"),
    _row("FOR_ITER", "jump", "-", "it -- it v", "raise resume-for",
         "push next(it); when exhausted pop it and jump to a", jump="it --"),
    _row("FOR_ITER_STORE_FAST", "jump", "local", "it -- it", "raise resume-for",
         "FOR_ITER storing into local b", jump="it --"),
    _row("CALL", "n", "flags", "fn self:m*(b&1) arg*a kwnames:t*(b>>1&1) -- res",
         "raise pause resume-call",
         "call with a arguments (b: CALL_METHOD, CALL_KWNAMES); sandbox functions run in this loop"),
    _row("CALL_EX", "flags", "-", "fn args kwargs*(a&1) -- res", "raise pause",
         "fn(*args, **kwargs) (a: CALL_EX_KWARGS)"),
    _row("MAKE_FUNCTION", "flags", "-",
         "defaults*(a&1) kwdefaults*(a>>1&1) closure*(a>>2&1) code -- fn:f", R,
         "a function of the code object on top (a: MF_* parts below it)"),
    _row("RETURN_VALUE", "-", "-", "v --", "end", "return v to the caller frame"),
    _row("RAISE", "n", "-", "x*a --", "raise end",
         "raise (a=0: re-raise the handled exception, 1: exc, 2: exc from cause)"),
    _row("RERAISE", "-", "-", "exc:e --", "raise end", "raise exc again, its traceback kept"),
    _row("PUSH_EXC_INFO", "-", "-", "exc -- prev:h exc:e", "",
         "enter a handler: exc becomes the handled exception, the one before kept below"),
    _row("POP_EXCEPT", "-", "-", "prev:h --", "", "leave a handler: prev is handled again"),
    _row("CHECK_EXC_MATCH", "-", "-", "exc cls -- exc res", R, "isinstance(exc, cls), checked"),
    _row("IMPORT_NAME", "name", "flags", "-- mod", R, "import module a (b: leaf flags)"),
    _row("YIELD_VALUE", "-", "-", "v -- sent", "raise yield",
         "suspend the generator with v; resumed with the sent value"),
    _row("GET_YIELD_FROM_ITER", "-", "-", "v -- it", R, "the delegate of `yield from v`"),
    _row("SEND", "jump", "-", "it v -- it res", "raise resume-send",
         "send v to the delegate it; when it returns, its value replaces both, jump to a",
         jump="it v -- res"),
    _row("LOAD_NAME", "name", "global", "-- v", "raise class",
         "class body: the namespace's a, else global b, else builtin b"),
    _row("STORE_NAME", "name", "-", "v --", "raise class", "class body: namespace[a] = v"),
    _row("DELETE_NAME", "name", "-", "--", "raise class", "class body: del namespace[a]"),
    _row("BUILD_CLASS", "n", "flags", "body:f name base*a kw*(b&1) -- cls", R,
         "run the class body and make the class (a bases, b&1: class keywords dict)"),
    _row("IMPORT_FROM", "name", "-", "mod -- mod v", R, "mod.a, or ImportError"),
    _row("BEFORE_WITH", "-", "-", "mgr -- exit enter", R,
         "bound __exit__ and __enter__ of the manager (a CALL 0 follows)"),
    _row("WITH_EXCEPT_START", "-", "-", "exc -- typ exc tb", R,
         "the arguments of __exit__ for the CALL 3 that follows"),
    _row("GET_AWAITABLE", "-", "-", "v -- it", R, "the iterator `await v` delegates to"),
    _row("BEFORE_ASYNC_WITH", "-", "-", "mgr -- exit enter", R,
         "BEFORE_WITH with __aexit__ and __aenter__"),
    _row("MATCH_SEQUENCE", "-", "-", "subj -- subj res", R, "is subj a sequence to match"),
    _row("MATCH_MAPPING", "-", "-", "subj -- subj res", R, "is subj a mapping to match"),
    _row("MATCH_KEYS", "-", "-", "subj keys:t -- subj keys vals", R,
         "the values of keys in subj, or None"),
    _row("MATCH_CLASS", "n", "-", "subj cls names:t -- res", R,
         "the attributes of a class pattern (a positional), or None"),
    _row("GET_LEN", "-", "-", "subj -- subj n", R, "len(subj)"),
]
del R


class Protocol(NamedTuple):
    """A sandbox dunder (a property getter, __str__, __add__, __next__...) an instruction runs
    as a frame of the loop: the callee frame records it, and the instruction finishes when the
    frame returns. `waits`: the opcodes whose frame may wait on it, each with the caller's
    stack while it waits: "inputs" (the instruction's inputs stay below the dunder's call
    slot) or "call" (the dunder sits in the slot of the CALL it answers)."""
    name: str
    waits: dict
    doc: str


def _protocol(name, waits, doc):
    shapes = {}
    for word in waits.split():
        op, _, shape = word.partition(":")
        assert shape in ("", "call") and op in BY_NAME, word
        shapes[BY_NAME[op]] = shape or "inputs"
    return Protocol(name, shapes, doc)


_ATTR_OPS = "LOAD_ATTR LOAD_METHOD"
_STORE_OPS = "STORE_ATTR DELETE_ATTR STORE_SUBSCR DELETE_SUBSCR"
_BINARY_OPS = "BINARY_OP BINARY_OP_STORE_FAST"
_COMPARE_OPS = "COMPARE_OP COMPARE_JUMP_IF_FALSE"
_UNPACK_OPS = "UNPACK_SEQUENCE UNPACK_EX"
_TRUTH_OPS = ("POP_JUMP_IF_FALSE POP_JUMP_IF_TRUE JUMP_IF_FALSE_OR_POP JUMP_IF_TRUE_OR_POP UNARY_OP "
              "COMPARE_JUMP_IF_FALSE")


def _protocols():
    rows = [
        Protocol("CALL", {}, "a plain call (the frame of a CALL): its value is the result"),
        _protocol("ATTR", _ATTR_OPS, "a property getter, a descriptor's __get__ or __getattr__: "
                  "its value is the attribute"),
        _protocol("DISCARD", _STORE_OPS, "a setter, deleter, __set__, __setattr__, __setitem__, "
                  "__delitem__...: its value is dropped"),
        _protocol("STR", "FORMAT_VALUE CALL:call", "__str__: its value must be a str"),
        _protocol("REPR", "FORMAT_VALUE CALL:call", "__repr__: its value must be a str"),
        _protocol("FORMAT", "FORMAT_VALUE CALL:call", "__format__: its value must be a str"),
        _protocol("ARG_TEXT", "CALL", "__str__ of a print() argument: its text replaces the "
                  "argument and the CALL runs again"),
        _protocol("NEXT", "FOR_ITER FOR_ITER_STORE_FAST",
                  "__next__ of an iterator: StopIteration ends the loop"),
        _protocol("VALUE", "BINARY_SUBSCR UNARY_OP", "__getitem__, __neg__...: the result"),
        _protocol("BOOL", _TRUTH_OPS, "__bool__ of a truth test: its value must be a bool"),
        _protocol("LEN", _TRUTH_OPS + " CALL:call",
                  "__len__ of len() or a truth test: its value must be an int >= 0"),
        _protocol("CONTAINS", _COMPARE_OPS, "__contains__ of `in` / `not in`: its truth"),
        _protocol("ITER", "GET_ITER", "__iter__: its value must be an iterator"),
        _protocol("CLASS_BODY", "BUILD_CLASS", "a class body (its namespace dict in fast slot 0): "
                  "the class is made from the namespace when it returns"),
        _protocol("CACHED", _ATTR_OPS, "a cached_property's function: its value is stored in "
                  "the instance's __dict__ and is the attribute"),
        _protocol("UNPACK_ITER", _UNPACK_OPS, "__iter__ of an unpacked object"),
        _protocol("UNPACK_NEXT", _UNPACK_OPS, "__next__ of an unpacked object: the input slot "
                  "holds [iterator, items so far...]; StopIteration unpacks the items"),
    ]
    # the steps of CPython's operator protocol (forward, reflected, in place): NotImplemented
    # from step i goes on with step i + 1
    rows += [_protocol(f"BINARY_{i}", _BINARY_OPS, f"step {i} of a binary operator")
             for i in range(3)]
    rows += [_protocol(f"COMPARE_{i}", _COMPARE_OPS, f"step {i} of a rich comparison")
             for i in range(3)]
    rows.append(_protocol("OPERATION", _BINARY_OPS, "a sandbox-Python routine doing the whole "
                          "operation (`str % values` holding sandbox objects): its value is "
                          "the result"))
    rows.append(_protocol("CLASS_HOOKS", "BUILD_CLASS", "class_hooks of the sandbox-Python "
                          "builtins: the new class's __set_name__ and __init_subclass__ calls; "
                          "its value (the class) is the instruction's"))
    return rows




NAMES = [row.name for row in OPCODES]
BY_NAME = {row.name: i for i, row in enumerate(OPCODES)}
globals().update(BY_NAME)

PROTOCOLS = _protocols()
PROTOCOL_BY_NAME = {row.name: i for i, row in enumerate(PROTOCOLS)}


def with_flag(flag):
    """The opcodes whose row has `flag`."""
    return frozenset(i for i, row in enumerate(OPCODES) if flag in row.flags)


TERMINATORS = with_flag("end")
CANNOT_RAISE = frozenset(range(len(OPCODES))) - with_flag("raise")
JUMP_OPERAND = {i: ("a" if row.a == "jump" else "b") for i, row in enumerate(OPCODES)
                if row.jump is not None}
OPERAND_KINDS = [(row.a, row.b) for row in OPCODES]


def _count(item, a, b):
    n = item.count
    return n if type(n) is int else n(a, b)


def _sizes(sig, a, b):
    return (sum(_count(x, a, b) for x in sig.inputs), sum(_count(x, a, b) for x in sig.outputs))


def _fixed_effect(sig):
    """The net effect of a stack signature whose counts do not depend on the operands, else
    None."""
    if sig is None or not all(type(x.count) is int for x in sig.inputs + sig.outputs):
        return None
    return sum(x.count for x in sig.outputs) - sum(x.count for x in sig.inputs)


# per opcode: the net effect when it is the same for every operand (most rows), else None
FIXED_EFFECT = [None if i in TERMINATORS else _fixed_effect(row.stack)
                for i, row in enumerate(OPCODES)]
FIXED_JUMP_EFFECT = [_fixed_effect(row.jump) for row in OPCODES]


def stack_effect(op, a, b, jump=False):
    """Net stack effect of one instruction; `jump` selects the taken branch. None when control
    never goes that way."""
    fixed = FIXED_JUMP_EFFECT[op] if jump else FIXED_EFFECT[op]
    if fixed is not None:
        return fixed
    row = OPCODES[op]
    if jump:
        if row.jump is None:
            return None
        pops, pushes = _sizes(row.jump, a, b)
    else:
        if op in TERMINATORS:
            return None
        pops, pushes = _sizes(row.stack, a, b)
    return pushes - pops


class StackError(ValueError):
    """An instruction meets a stack it cannot run on."""


def transfer(op, a, b, kinds, const_kind, jump=False):
    """The kinds of the stack after instruction (op, a, b) runs on a stack of `kinds` (a tuple,
    top last); `const_kind` is the kind of constant `a` (for `c` outputs). Raises StackError
    when the stack is too shallow, a count is negative, or an input the VM relies on has the
    wrong kind."""
    row = OPCODES[op]
    sig = row.jump if jump else row.stack
    taken = []
    at = len(kinds)
    for item in reversed(sig.inputs):
        n = _count(item, a, b)
        if n < 0 or n > at:
            raise StackError(f"{row.name} needs more stack than there is")
        part = kinds[at - n:at]
        if item.kind and item.kind != "a" and any(k != item.kind for k in part):
            raise StackError(f"{row.name} needs a {item.kind!r} value where the code has "
                             f"{''.join(part)!r}")
        taken.append((item.name, part))
        at -= n
    named = dict(taken)
    out = list(kinds[:at])
    for item in sig.outputs:
        n = _count(item, a, b)
        if n < 0:
            raise StackError(f"{row.name}: negative count")
        if item.kind == "c":
            out.extend((const_kind,) * n)
        elif item.kind:
            out.extend((item.kind,) * n)
        elif item.name in named and len(named[item.name]) == n:
            out.extend(named[item.name])
        else:
            out.extend(("a",) * n)
    return tuple(out)


def generate_pxi():
    """Source of `_opcodes.pxi`: opcode and operator numbers as Cython enums."""
    lines = ["# generated from monty/opcodes.py by setup.py; do not edit", "cdef enum Opcode:"]
    lines += [f"    OP_{name} = {i}" for i, name in enumerate(NAMES)]
    lines.append("cdef enum:")
    lines.append(f"    N_OPCODES = {len(NAMES)}")
    for name in ("CALL_METHOD", "CALL_KWNAMES", "CALL_EX_KWARGS", "MF_DEFAULTS", "MF_KWDEFAULTS",
                 "MF_CLOSURE", "FV_SPEC"):
        lines.append(f"    {name} = {globals()[name]}")
    lines.append("cdef enum BinOp:")
    lines += [f"    BINOP_{op.name} = {op.value}" for op in BinOp]
    lines.append(f"    BINOP_INPLACE = {INPLACE}")
    lines.append(f"    N_BINOPS = {2 * INPLACE}")
    lines.append("cdef enum UnaryOp:")
    lines += [f"    UNARY_{op.name} = {op.value}" for op in UnaryOp]
    lines.append("cdef enum CmpOp:")
    lines += [f"    CMP_{op.name} = {op.value}" for op in CmpOp]
    lines.append("cdef enum Protocol:")
    lines += [f"    PROTO_{row.name} = {i}" for i, row in enumerate(PROTOCOLS)]
    lines.append(f"    N_PROTOCOLS = {len(PROTOCOLS)}")
    return "\n".join(lines) + "\n"
