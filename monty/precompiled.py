"""Precompiled code of the modules written in sandbox Python (monty/modules/_sandbox/*.py).

Compiling such a module (asyncio, logging, csv...) with monty's front end takes tens to
hundreds of milliseconds, once per process. The build (setup.py, or `python -m
monty.precompiled`) compiles every one of them and writes their code objects to
`_sandbox_code.bin` (msgpack data) next to this file, and the SHA-256 of that file to
`_sandbox_code_digest.py`. On the first import of such a module in a process, the code comes
from the file instead of the compiler (the process's code cache keeps it from then on).

The file is data and is never trusted: it is used only when
  - its SHA-256 equals the digest the build recorded in package code (a file changed after the
    build is refused);
  - its header names this format and the same compiler key: a hash of the compiler's own
    source (compiler.py, opcodes.py), this module's format and the names of the builtins
    table (which decide how an internal module's names compile); a file from another
    version of monty is stale and refused;
  - the module's entry was compiled from exactly the source text being imported (SHA-256),
    under the same file name and global-name prefix;
  - every code object decodes to the compiler's own shape: typed fields, opcodes of the
    instruction table, operands in range for their kind, jump targets and handlers inside
    the code, a stack that the instruction table's signatures accept at every instruction
    and that fits the declared stack size, constants of the compiler's types (nested code
    checked the same way, builtins named by their key in the builtins table).
Anything else (a missing, stale, altered or malformed file) is ignored: the module is
compiled from its source as before, and `python -m monty.precompiled` rebuilds the file.
"""

import hashlib
import hmac
import threading
from pathlib import Path
from typing import Annotated, List, Optional, Tuple

import msgspec

FORMAT = 1
MAGIC = "monty-sandbox-code"
HERE = Path(__file__).resolve().parent
ARTIFACT = HERE / "_sandbox_code.bin"
DIGEST_MODULE = HERE / "_sandbox_code_digest.py"
MAX_ARTIFACT = 64 << 20

_lock = threading.Lock()
_entries = None          # filename -> [prefix, source sha256, payload] once loaded; {} if refused
rejected = None          # why the file was refused (None: accepted, or not read yet)


class _Bad(Exception):
    pass


def _need(cond, what):
    if not cond:
        raise _Bad(what)


def compiler_key(builtins):
    """The hash every artifact entry is keyed by: what decides the compiler's output for an
    internal module, other than its source."""
    h = hashlib.sha256()
    h.update(f"{MAGIC}\0{FORMAT}\0".encode())
    for name in ("compiler.py", "opcodes.py"):
        data = (HERE / name).read_bytes()
        h.update(name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    for key in sorted(builtins):
        h.update(key.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


def _source_hash(source):
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


# ------------------------------------------------------------------ encoding (build time)

def _encode_const(c, builtin_key):
    t = type(c)
    if c is None or t is bool or t is str or t is float or t is bytes:
        return c
    if t is int:
        return c if -(1 << 63) <= c < (1 << 63) else ["i", str(c)]
    if t is tuple:
        return ["t", [_encode_const(x, builtin_key) for x in c]]
    if t is complex:
        return ["j", c.real, c.imag]
    if c is Ellipsis:
        return ["e"]
    from . import _core
    if t is _core.Code:
        return ["C", _encode_code(c, builtin_key)]
    key = builtin_key.get(id(c))
    if key is None:
        raise TypeError(f"cannot precompile a constant of type {t.__name__}: {c!r}")
    return ["B", key]


def _encode_code(code, builtin_key):
    s = code.spec
    flat = []
    for ins in s["instrs"]:
        flat.extend(ins)
    return [s["name"], s["qualname"], s["flags"], s["doc"], s["argcount"],
            s["posonlyargcount"], s["kwonlyargcount"], s["nlocals"], s["stacksize"],
            flat, list(s["lines"]), list(s["handler_of"]), [list(h) for h in s["handlers"]],
            [_encode_const(c, builtin_key) for c in s["consts"]], list(s["names"]),
            list(s["varnames"]), list(s["cellvars"]), list(s["freevars"]), s["firstlineno"]]


def build_artifact():
    """The artifact's bytes: every module written in sandbox Python, compiled now."""
    from ._shared import BUILTINS
    from . import modules
    from .compiler import INTERNAL_SOURCES, compile_source
    from . import _core
    modules._discover()
    builtin_key = {}
    for key, value in sorted(BUILTINS.items(), reverse=True):
        builtin_key[id(value)] = key            # (several keys may share a value: any will do)
    entries = {}
    for source, (filename, prefix) in INTERNAL_SOURCES.items():
        code = compile_source(source, _core.Code, internal=(filename, prefix))
        payload = msgspec.msgpack.encode(_encode_code(code, builtin_key))
        entries.setdefault(filename, []).append([prefix, _source_hash(source), payload])
    return msgspec.msgpack.encode([MAGIC, FORMAT, compiler_key(BUILTINS), entries])


def write_artifact(directory=None):
    """Write the artifact and its digest into `directory` (default: next to this file)."""
    directory = Path(directory) if directory is not None else HERE
    data = build_artifact()
    digest = hashlib.sha256(data).hexdigest()
    for path, content in ((directory / ARTIFACT.name, data),
                          (directory / DIGEST_MODULE.name,
                           ('"""SHA-256 of _sandbox_code.bin, written with it by the build '
                            '(monty/precompiled.py)."""\n\n'
                            f'DIGEST = "{digest}"\n').encode())):
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(content)
        tmp.replace(path)
    return digest


# ------------------------------------------------------------------ loading (run time)

def _expected_digest():
    try:
        from . import _sandbox_code_digest
    except ImportError:
        return None
    digest = getattr(_sandbox_code_digest, "DIGEST", None)
    return digest if type(digest) is str and len(digest) == 64 else None


def _read_entries(builtins):
    digest = _expected_digest()
    _need(digest is not None, "no precompiled code (not built)")
    try:
        with open(ARTIFACT, "rb") as f:
            data = f.read(MAX_ARTIFACT + 1)
    except OSError as e:
        raise _Bad(f"cannot read the precompiled code: {e}") from None
    _need(len(data) <= MAX_ARTIFACT, "precompiled code too large")
    _need(hmac.compare_digest(hashlib.sha256(data).hexdigest(), digest),
          "precompiled code does not match the digest of the build")
    try:
        head = msgspec.msgpack.decode(data)
    except Exception as e:      # (msgspec may raise more than DecodeError on crafted input)
        raise _Bad(f"malformed precompiled code: {type(e).__name__}") from None
    _need(type(head) is list and len(head) == 4 and head[0] == MAGIC, "not precompiled code")
    _need(head[1] == FORMAT, "precompiled code of another format")
    _need(head[2] == compiler_key(builtins), "precompiled code of another compiler (stale)")
    entries = head[3]
    _need(type(entries) is dict, "bad precompiled entries")
    for filename, items in entries.items():
        _need(type(filename) is str and type(items) is list, "bad precompiled entries")
        for item in items:
            _need(type(item) is list and len(item) == 3 and type(item[0]) is str
                  and type(item[1]) is str and type(item[2]) is bytes, "bad precompiled entry")
    return entries


def lookup(source, internal, builtins, make_code):
    """The unlinked code of the internal module `source` ((file name, prefix) `internal`)
    from the artifact, checked; None when the artifact cannot serve it."""
    global _entries, rejected
    entries = _entries
    if entries is None:
        with _lock:
            if _entries is None:
                try:
                    _entries = _read_entries(builtins)
                except _Bad as e:
                    rejected = str(e)
                    _entries = {}
                except Exception as e:     # (any failure of the optional path: compile instead)
                    rejected = f"{type(e).__name__}: {e}"
                    _entries = {}
            entries = _entries
    if not entries:
        return None
    filename, prefix = internal
    wanted = _source_hash(source)
    for item_prefix, item_hash, payload in entries.get(filename, ()):
        if item_prefix == prefix and hmac.compare_digest(item_hash, wanted):
            try:
                return _decode(payload, source, filename, builtins, make_code)
            except _Bad as e:
                rejected = f"{filename}: {e}"
                return None
            except Exception as e:
                rejected = f"{filename}: {type(e).__name__}: {e}"
                return None
    return None


def _reset():
    """Forget the artifact read so far (tests)."""
    global _entries, rejected
    with _lock:
        _entries = None
        rejected = None


# ------------------------------------------------------------------ decoding and checks

_Count = Annotated[int, msgspec.Meta(ge=0, le=1 << 16)]
_PLAIN = (type(None), bool, int, float, str, bytes)
_MAX_INT_DIGITS = 5000
_MAX_COUNT = 1 << 16


def _decode(payload, source, filename, builtins, Code):
    try:
        tree = msgspec.msgpack.decode(payload, type=_CodeEntry)
    except Exception as e:
        raise _Bad(f"malformed code: {type(e).__name__}") from None
    return _decode_code(tree, source, filename, builtins, Code, True, 0)


def _decode_const(c, builtins, Code, source, filename, depth):
    t = type(c)
    if t in _PLAIN:
        return c
    _need(t is list and c and type(c[0]) is str, "bad constant")
    tag = c[0]
    if tag == "t" and len(c) == 2 and type(c[1]) is list:
        _need(depth < 50, "constants nested too deeply")
        return tuple([_decode_const(x, builtins, Code, source, filename, depth + 1)
                      for x in c[1]])
    if tag == "i" and len(c) == 2 and type(c[1]) is str:
        digits = c[1]
        _need(0 < len(digits) <= _MAX_INT_DIGITS and digits.lstrip("-").isdigit()
              and digits.isascii(), "bad int constant")
        return int(digits)
    if tag == "j" and len(c) == 3 and type(c[1]) is float and type(c[2]) is float:
        return complex(c[1], c[2])
    if tag == "e" and len(c) == 1:
        return Ellipsis
    if tag == "B" and len(c) == 2 and type(c[1]) is str:
        _need(c[1] in builtins, "unknown builtin constant")
        return builtins[c[1]]
    if tag == "C" and len(c) == 2:
        _need(depth < 100, "code nested too deeply")
        return _decode_code(c[1], source, filename, builtins, Code, False, depth + 1)
    raise _Bad("bad constant")


class _CodeEntry(msgspec.Struct, array_like=True, forbid_unknown_fields=True):
    """One code object in the artifact (types checked by msgspec as it decodes)."""
    name: str
    qualname: str
    flags: Annotated[int, msgspec.Meta(ge=0, le=0xFFFF)]
    doc: Optional[str]
    argcount: _Count
    posonly: _Count
    kwonly: _Count
    nlocals: _Count
    stacksize: _Count
    instrs: List[int]
    lines: List[Annotated[int, msgspec.Meta(ge=0, le=1 << 30)]]
    handler_of: List[Annotated[int, msgspec.Meta(ge=-1, le=1 << 22)]]
    handlers: List[Tuple[int, int]]
    consts: list
    names: Tuple[str, ...]
    varnames: Tuple[str, ...]
    cellvars: Tuple[str, ...]
    freevars: Tuple[str, ...]
    firstlineno: Annotated[int, msgspec.Meta(ge=0, le=1 << 30)]


def _decode_code(x, source, filename, builtins, Code, module, depth):
    from . import opcodes as O
    from .compiler import CO_MODULE, HIDDEN_FRAME
    try:
        e = msgspec.convert(x, _CodeEntry) if type(x) is not _CodeEntry else x
    except Exception as ex:
        raise _Bad(f"bad code object: {type(ex).__name__}") from None
    flags, nlocals, argcount, kwonly = e.flags, e.nlocals, e.argcount, e.kwonly
    stacksize, flat, handlers, handler_of = e.stacksize, e.instrs, e.handlers, e.handler_of
    names, varnames, cellvars, freevars = e.names, e.varnames, e.cellvars, e.freevars
    _need(bool(flags & CO_MODULE) == module, "module flag on the wrong code")
    _need(nlocals == (0 if module else len(varnames)), "bad nlocals")
    _need(e.posonly <= argcount and argcount + kwonly + bool(flags & 1) + bool(flags & 2)
          <= nlocals, "more arguments than locals")
    consts = tuple([_decode_const(c, builtins, Code, source, filename, depth) for c in e.consts])
    _need(len(flat) % 3 == 0, "bad instructions")
    n = len(flat) // 3
    _need(0 < n <= 1 << 22, "bad instruction count")
    _need(len(e.lines) == n and len(handler_of) == n, "bad line or handler table")
    for t, d in handlers:
        _need(0 <= t < n and 0 <= d <= stacksize, "bad handler")
    _need(max(handler_of) < len(handlers), "bad handler map")
    nslots = nlocals + len(cellvars) + len(freevars)
    ops = flat[0::3]
    _need(min(ops) >= 0 and max(ops) < len(O.OPCODES), "bad opcode")
    bounds = _operand_bounds(set(ops), len(consts), len(names), n, nlocals, nslots, module)
    instrs = list(zip(ops, flat[1::3], flat[2::3]))
    for i, (op, a, b) in enumerate(instrs):
        lo_a, hi_a, lo_b, hi_b = bounds[op]
        if not (lo_a <= a <= hi_a and lo_b <= b <= hi_b):
            raise _Bad(f"operand out of range at instruction {i}")
    _need(ops[-1] in O.TERMINATORS, "code falls off its end")
    for i in _special_positions(ops):
        op = ops[i]
        if op == O.BY_NAME["MAKE_FUNCTION"]:
            _need(i > 0 and ops[i - 1] == O.BY_NAME["LOAD_CONST"]
                  and type(consts[instrs[i - 1][1]]) is Code, "MAKE_FUNCTION without its code")
        else:
            _need(not module and nlocals >= 1, "class-body instruction outside a class body")
    _check_stack(instrs, handlers, handler_of, consts, stacksize)
    code = Code(name=e.name, qualname=e.qualname, flags=flags, doc=e.doc, argcount=argcount,
                posonlyargcount=e.posonly, kwonlyargcount=kwonly, nlocals=nlocals,
                stacksize=stacksize, instrs=instrs, lines=e.lines,
                positions=(HIDDEN_FRAME,) * n,      # (a sandbox module's frames are not shown)
                handler_of=handler_of,
                handlers=[tuple(h) for h in handlers], consts=consts, names=names,
                varnames=varnames, cellvars=cellvars, freevars=freevars,
                firstlineno=e.firstlineno, filename=filename, source=source if module else None)
    return code


def _special_positions(ops):
    """Positions of the instructions with a further precondition: MAKE_FUNCTION (its code is
    the constant loaded just before) and the class-body ones (slot 0 holds the namespace)."""
    from . import opcodes as O
    special = _SPECIAL.get("ops")
    if special is None:
        special = _SPECIAL["ops"] = O.with_flag("class") | {O.BY_NAME["MAKE_FUNCTION"]}
    return [i for i, op in enumerate(ops) if op in special]


_SPECIAL = {}


def _operand_bounds(used, nconsts, nnames, n, nlocals, nslots, module):
    """Per opcode used, (lo_a, hi_a, lo_b, hi_b): the range each operand's kind allows here."""
    table = {"-": (0, 0), "const": (0, nconsts - 1), "global": (0, nnames - 1),
             "name": (0, nnames - 1), "jump": (0, n - 1), "n": (0, _MAX_COUNT),
             "flags": (0, 0xFF),
             # module code: an index into names (linking makes it a global slot); the cell
             # ops: a cell or free slot; the others: a fast local
             "fast": (0, nnames - 1) if module else (0, nlocals - 1),
             "cell": (0, nnames - 1) if module else (nlocals, nslots - 1)}
    table.update(_OP_RANGES)
    classes = _operand_classes()
    return {op: table[classes[op][0]] + table[classes[op][1]] for op in used}


_OP_RANGES = {}
_CLASSES = []


def _operand_classes():
    """Per opcode, the class of each operand: its kind, with `local` split into `fast` and
    `cell`, and `op` into the operator table it indexes."""
    if not _CLASSES:
        from . import opcodes as O
        _OP_RANGES.update({"binop": (0, 2 * O.INPLACE - 1), "unop": (0, len(O.UnaryOp) - 1),
                           "cmpop": (0, len(O.CmpOp) - 1)})
        cell_ops = _cell_ops()
        out = []
        for op, kinds in enumerate(O.OPERAND_KINDS):
            row = []
            for kind in kinds:
                if kind == "local":
                    kind = "cell" if op in cell_ops else "fast"
                elif kind == "op":
                    name = O.NAMES[op]
                    kind = ("unop" if name.startswith("UNARY")
                            else "cmpop" if name.startswith("COMPARE") else "binop")
                row.append(kind)
            out.append(tuple(row))
        _CLASSES.extend(out)
    return _CLASSES


def _cell_ops():
    from . import opcodes as O
    return frozenset(i for i, name in enumerate(O.NAMES) if "DEREF" in name or "CLOSURE" in name)


_TRANSFER = {}
_TABLES = []


def _tables():
    """Per opcode: (uses its operands in the stack signature, has a jump, jump operand is a,
    loads a constant); the terminators; the opcodes that cannot raise."""
    if not _TABLES:
        from . import opcodes as O

        def fixed(sig):
            return sig is None or all(type(x.count) is int for x in sig.inputs + sig.outputs)
        rows = [(not (fixed(r.stack) and fixed(r.jump)), r.jump is not None, r.a == "jump",
                 r.a == "const") for r in O.OPCODES]
        _TABLES.extend([rows, O.TERMINATORS, O.CANNOT_RAISE])
    return _TABLES


_PLANS = {}


def _plan(op, jump):
    """The stack signature of (op, jump) with fixed counts, as (pops, [(start, end, kind)]
    of the inputs whose kind the VM relies on, [output parts]), or None (counts depend on
    the operands)."""
    from . import opcodes as O
    key = (op, jump)
    if key in _PLANS:
        return _PLANS[key]
    row = O.OPCODES[op]
    sig = row.jump if jump else row.stack
    plan = None
    if sig is not None and all(type(x.count) is int for x in sig.inputs + sig.outputs):
        pops = sum(x.count for x in sig.inputs)
        needs, where, at = [], {}, pops
        for item in reversed(sig.inputs):     # offsets counted from the top of the stack
            start = at - item.count
            where[item.name] = (start, at)
            if item.kind and item.kind != "a":
                needs.append((start, at, item.kind))
            at = start
        outs = []
        for item in sig.outputs:
            if item.kind == "c":
                outs.append(("c", item.count))
            elif item.kind:
                outs.append(("k", (item.kind,) * item.count))
            elif item.name in where and where[item.name][1] - where[item.name][0] == item.count:
                outs.append(("in", where[item.name]))
            else:
                outs.append(("k", ("a",) * item.count))
        plan = (pops, needs, outs, row.name)
    _PLANS[key] = plan
    return plan


def _run_plan(plan, st, ck):
    pops, needs, outs, name = plan
    depth = len(st)
    if pops > depth:
        return f"{name} needs more stack than there is"
    base = depth - pops
    taken = st[base:]
    for start, end, kind in needs:
        for k in taken[start:end]:
            if k != kind:
                return (f"{name} needs a {kind!r} value where the code has "
                        f"{''.join(taken[start:end])!r}")
    out = st[:base]
    for what, x in outs:
        if what == "k":
            out += x
        elif what == "in":
            out += taken[x[0]:x[1]]
        else:
            out += (ck,) * x
    return out


def _transfer(key):
    from . import opcodes as O
    op, a, b, st, ck, jump = key
    plan = _plan(op, jump)
    if plan is not None:
        out = _run_plan(plan, st, ck)
    else:
        try:
            out = O.transfer(op, a, b, st, ck, jump=jump)
        except O.StackError as e:
            out = str(e)
    if len(_TRANSFER) > 200_000:
        _TRANSFER.clear()
    _TRANSFER[key] = out
    return out


def _join(x, y):
    _need(len(x) == len(y), "inconsistent stack depths in the code")
    return tuple(a if a == b else ("m" if "m" in (a, b) else "a") for a, b in zip(x, y))


def _check_stack(instrs, handlers, handler_of, consts, stacksize):
    """The stack kinds before every instruction, from the instruction table's signatures (the
    analysis the snapshot loader runs on the code of saved frames): every instruction meets
    the kinds of values it relies on, paths that meet agree on the depth, handlers are entered
    at a depth the stack has, and the stack never grows past `stacksize`."""
    rows, terminators, cannot_raise = _tables()
    memo = _TRANSFER.get

    def after(key, i):
        """The stack kinds after instruction `i` (`key`: its transfer; memoised)."""
        out = memo(key)
        if out is None:
            out = _transfer(key)
        if type(out) is not tuple:
            raise _Bad(f"{out} (instruction {i})")
        return out

    n = len(instrs)
    kinds = [None] * n
    kinds[0] = ()
    work = [(0, ())]
    steps = 0
    limit = 50 * n + 1000
    deepest = 0

    def push(t, st):
        old = kinds[t]
        if old is None:
            kinds[t] = st
            work.append((t, st))
        elif old != st:
            j = _join(old, st)
            if j != old:
                kinds[t] = j
                work.append((t, j))

    while work:
        i, st = work.pop()
        if kinds[i] != st:
            continue
        while True:
            steps += 1
            if steps > limit:
                raise _Bad("code analysis does not converge")
            if len(st) > deepest:
                deepest = len(st)
            op, a, b = instrs[i]
            h = handler_of[i]
            if h >= 0 and op not in cannot_raise:
                t, depth = handlers[h]
                if len(st) >= depth:
                    push(t, st[:depth] + ("e",))
            operands, has_jump, jump_a, is_const = rows[op]
            ck = "a"
            if is_const:
                c = consts[a]
                ck = "s" if type(c) is str else "t" if type(c) is tuple else "a"
            elif not operands:
                a = b = 0
            if has_jump:
                push(instrs[i][1] if jump_a else instrs[i][2],
                     after((op, a, b, st, ck, True), i))
            nxt = after((op, a, b, st, ck, False), i)
            if op in terminators:
                break
            i += 1
            if i >= n:
                raise _Bad("code falls off its end")
            old = kinds[i]
            if old is not None:
                push(i, nxt)
                break
            kinds[i] = st = nxt
    _need(deepest <= stacksize, "stack deeper than the declared size")




def main():
    digest = write_artifact()
    print(f"{ARTIFACT} sha256 {digest}")


if __name__ == "__main__":
    main()
