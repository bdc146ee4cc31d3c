"""The one opcode table: the compiler, the VM (through generated `_opcodes.pxi`) and the
snapshot validator all read it.

An instruction is three int32 words: opcode, operand `a`, operand `b`. Operand kinds:
  -      unused (0)
  const  index into the code's constants
  local  frame slot (fast local, or cell/free slot for the *_DEREF/CLOSURE ops); in module
         code, an index into `names` that linking rewrites to the sandbox's global slot
  global index into `names`, resolved through the frame's global map
  name   index into `names` used as an attribute / module name (never rewritten)
  jump   absolute instruction index
  n      a count
  op     an operator enum (BINOPS / UNOPS / CMPOPS below)
  flags  bit flags documented per instruction

Each row: (name, a_kind, b_kind, stack effect when falling through, stack effect on jump).
An effect may be a function of (a, b).
"""

BINOPS = ("+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@")
# in-place forms are the same operator + len(BINOPS)
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


def _n(a, b):
    return 1 - a


def _call(a, b):
    return -a - (1 if b & CALL_METHOD else 0) - (1 if b & CALL_KWNAMES else 0)


def _make_function(a, b):
    return -bin(a & 7).count("1")


OPCODES = [
    # name                   a         b        effect                     jump effect
    ("NOP",                  "-",      "-",     0,                         None),
    ("POP_TOP",              "-",      "-",     -1,                        None),
    ("COPY",                 "n",      "-",     1,                         None),
    ("SWAP",                 "n",      "-",     0,                         None),
    ("PUSH_NULL",            "-",      "-",     1,                         None),
    ("LOAD_CONST",           "const",  "-",     1,                         None),
    ("LOAD_FAST",            "local",  "-",     1,                         None),
    ("STORE_FAST",           "local",  "-",     -1,                        None),
    ("DELETE_FAST",          "local",  "-",     0,                         None),
    ("LOAD_FAST_LOAD_FAST",  "local",  "local", 2,                         None),
    ("LOAD_FAST_LOAD_CONST", "local",  "const", 2,                         None),
    ("LOAD_GLOBAL",          "global", "-",     1,                         None),
    ("STORE_GLOBAL",         "global", "-",     -1,                        None),
    ("DELETE_GLOBAL",        "global", "-",     0,                         None),
    ("LOAD_DEREF",           "local",  "-",     1,                         None),
    ("STORE_DEREF",          "local",  "-",     -1,                        None),
    ("DELETE_DEREF",         "local",  "-",     0,                         None),
    ("LOAD_CLOSURE",         "local",  "-",     1,                         None),
    ("LOAD_ATTR",            "name",   "-",     0,                         None),
    ("STORE_ATTR",           "name",   "-",     -2,                        None),
    ("DELETE_ATTR",          "name",   "-",     -1,                        None),
    ("LOAD_METHOD",          "name",   "-",     1,                         None),
    ("BINARY_OP",            "op",     "-",     -1,                        None),
    ("BINARY_OP_STORE_FAST", "op",     "local", -2,                        None),
    ("UNARY_OP",             "op",     "-",     0,                         None),
    ("COMPARE_OP",           "op",     "-",     -1,                        None),
    ("COMPARE_JUMP_IF_FALSE", "op",    "jump",  -2,                        -2),
    ("BINARY_SUBSCR",        "-",      "-",     -1,                        None),
    ("STORE_SUBSCR",         "-",      "-",     -3,                        None),
    ("DELETE_SUBSCR",        "-",      "-",     -2,                        None),
    ("BUILD_SLICE",          "n",      "-",     _n,                        None),
    ("BUILD_TUPLE",          "n",      "-",     _n,                        None),
    ("BUILD_LIST",           "n",      "-",     _n,                        None),
    ("BUILD_SET",            "n",      "-",     _n,                        None),
    ("BUILD_MAP",            "n",      "-",     lambda a, b: 1 - 2 * a,    None),
    ("BUILD_STRING",         "n",      "-",     _n,                        None),
    ("LIST_APPEND",          "n",      "-",     -1,                        None),
    ("SET_ADD",              "n",      "-",     -1,                        None),
    ("MAP_ADD",              "n",      "-",     -2,                        None),
    ("LIST_EXTEND",          "n",      "flags", -1,                        None),
    ("SET_UPDATE",           "n",      "-",     -1,                        None),
    ("DICT_UPDATE",          "n",      "-",     -1,                        None),
    ("DICT_MERGE",           "n",      "-",     -1,                        None),
    ("LIST_TO_TUPLE",        "-",      "-",     0,                         None),
    ("UNPACK_SEQUENCE",      "n",      "-",     lambda a, b: a - 1,        None),
    ("UNPACK_EX",            "n",      "n",     lambda a, b: a + b,        None),
    ("FORMAT_VALUE",         "flags",  "-",     lambda a, b: -1 if a & FV_SPEC else 0, None),
    ("JUMP",                 "jump",   "-",     None,                      0),
    ("JUMP_BACKWARD",        "jump",   "-",     None,                      0),
    ("POP_JUMP_IF_FALSE",    "jump",   "-",     -1,                        -1),
    ("POP_JUMP_IF_TRUE",     "jump",   "-",     -1,                        -1),
    ("JUMP_IF_FALSE_OR_POP", "jump",   "-",     -1,                        0),
    ("JUMP_IF_TRUE_OR_POP",  "jump",   "-",     -1,                        0),
    ("GET_ITER",             "-",      "-",     0,                         None),
    ("FOR_ITER",             "jump",   "-",     1,                         -1),
    ("FOR_ITER_STORE_FAST",  "jump",   "local", 0,                         -1),
    ("CALL",                 "n",      "flags", _call,                     None),
    ("CALL_EX",              "flags",  "-",     lambda a, b: -1 - (a & 1), None),
    ("MAKE_FUNCTION",        "flags",  "-",     _make_function,            None),
    ("RETURN_VALUE",         "-",      "-",     None,                      None),
    ("RAISE",                "n",      "-",     None,                      None),
    ("RERAISE",              "-",      "-",     None,                      None),
    ("PUSH_EXC_INFO",        "-",      "-",     1,                         None),
    ("POP_EXCEPT",           "-",      "-",     -1,                        None),
    ("CHECK_EXC_MATCH",      "-",      "-",     0,                         None),
    ("IMPORT_NAME",          "name",   "flags", 1,                         None),
    # generators: YIELD_VALUE pops the value and, on resume, pushes the sent value
    ("YIELD_VALUE",          "-",      "-",     0,                         None),
    ("GET_YIELD_FROM_ITER",  "-",      "-",     0,                         None),
    # SEND: [iter, value] -> [iter, result]; when iter is exhausted: [return value], jump
    ("SEND",                 "jump",   "-",     0,                         -1),
    # class bodies: names live in the namespace dict held in fast slot 0; LOAD_NAME falls
    # back to the global slot b, then the builtins
    ("LOAD_NAME",            "name",   "global", 1,                        None),
    ("STORE_NAME",           "name",   "-",     -1,                        None),
    ("DELETE_NAME",          "name",   "-",     0,                         None),
    # BUILD_CLASS a=nbases b=1 if a dict of class keywords is on top:
    # [body function, name, bases..., kwargs?] -> class
    ("BUILD_CLASS",          "n",      "flags", lambda a, b: -a - 1 - (b & 1), None),
    # IMPORT_FROM: [module] -> [module, module.name] or ImportError
    ("IMPORT_FROM",          "name",   "-",     1,                         None),
    # with statements: BEFORE_WITH replaces the manager by its bound __exit__ and bound
    # __enter__ (a CALL 0 follows); WITH_EXCEPT_START replaces the exception on top by the
    # arguments of __exit__ (type, value, None) for the CALL 3 that follows
    ("BEFORE_WITH",          "-",      "-",     1,                         None),
    ("WITH_EXCEPT_START",    "-",      "-",     2,                         None),
    # async: GET_AWAITABLE replaces a value by the iterator `await` delegates to (SEND
    # follows); BEFORE_ASYNC_WITH is BEFORE_WITH with __aexit__/__aenter__
    ("GET_AWAITABLE",        "-",      "-",     0,                         None),
    ("BEFORE_ASYNC_WITH",    "-",      "-",     1,                         None),
    # match statements (CPython 3.11 semantics)
    ("MATCH_SEQUENCE",       "-",      "-",     1,                         None),
    ("MATCH_MAPPING",        "-",      "-",     1,                         None),
    ("MATCH_KEYS",           "-",      "-",     1,                         None),
    ("MATCH_CLASS",          "n",      "-",     -2,                        None),
    ("GET_LEN",              "-",      "-",     1,                         None),
]

NAMES = [row[0] for row in OPCODES]
BY_NAME = {row[0]: i for i, row in enumerate(OPCODES)}
globals().update(BY_NAME)

# instructions after which control never falls through
TERMINATORS = frozenset(BY_NAME[n] for n in ("JUMP", "JUMP_BACKWARD", "RETURN_VALUE", "RAISE", "RERAISE"))
JUMP_OPERAND = {i: ("a" if row[1] == "jump" else "b") for i, row in enumerate(OPCODES)
                if "jump" in (row[1], row[2])}
OPERAND_KINDS = [(row[1], row[2]) for row in OPCODES]


def stack_effect(op, a, b, jump=False):
    """Net stack effect of one instruction; `jump` selects the taken-branch effect."""
    row = OPCODES[op]
    effect = row[4] if jump else row[3]
    if callable(effect):
        effect = effect(a, b)
    return effect


def generate_pxi():
    """Source of `_opcodes.pxi`: the opcode numbers as a Cython enum."""
    lines = ["# generated from monty/opcodes.py by setup.py; do not edit", "cdef enum Opcode:"]
    lines += [f"    OP_{name} = {i}" for i, name in enumerate(NAMES)]
    lines.append("cdef enum:")
    lines.append(f"    N_OPCODES = {len(NAMES)}")
    for name in ("CALL_METHOD", "CALL_KWNAMES", "CALL_EX_KWARGS", "MF_DEFAULTS", "MF_KWDEFAULTS",
                 "MF_CLOSURE", "FV_SPEC"):
        lines.append(f"    {name} = {globals()[name]}")
    return "\n".join(lines) + "\n"
