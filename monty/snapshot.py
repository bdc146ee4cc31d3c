"""Pausing at host calls (`Sandbox.start`, `Call`, `Done`) and snapshots (`Call.dump`, `load`).

A snapshot is msgspec msgpack: an array

    [MAGIC, VERSION, modules, slot_names, globals, stack, frames, handled, call, elapsed, objects]

- `modules`: the source of each module whose code the paused program uses; code objects are
  recompiled from it on load and named by a path of constant indices from the module code.
- `slot_names`: the sandbox's global slot names in order, so relinking gives the same slots.
- `globals`, `stack`: value items (below); `frames`: [code path, function item, pc, base, ret, sp].
- `objects`: the object table. A value item is a plain leaf inline (None, bool, int that fits
  64 bits, float, str, bytes), or `[index]` into the table, or `[-1]` for an empty slot. Every
  table entry is `[kind, ...]`; identity and cycles are preserved.

Adding a value type (class instances, generators, ...): give it an encoder in `ENCODERS`
(type -> fn(encoder, value) -> [kind, ...]) and, for its kind, either a `SHELLS` + `FILLERS`
pair (mutable values: an empty object first, filled once every entry exists, so cycles work)
or a `DECODERS` entry plus its reference fields in `CHILD_FIELDS` (immutable values, built
from their parts). A value with no encoder makes `dump()` raise a `MontyError` naming its
type. A frame kind the VM adds (a generator's) needs its own check in `_check_frames`.

Loading trusts nothing: every entry is type-checked, objects are only built from the tables
below, frames are checked against the code (the paused instruction, stack depth and the kind of
value each stack slot must hold), and every failure is a `MontyError`.
"""

import hashlib
import hmac
import time

import msgspec

from . import _core
from . import policy as _policy
from .errors import MontyError, MontyTypeError

MAGIC = "monty-snapshot"
VERSION = 1
MAX_NESTING = 150          # immutable values (tuples, functions, ...) nested this deep, at most
_TAG = 32                  # HMAC-SHA256 tag length

_NULL = _core.NullSlot
_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder()


# ---------------------------------------------------------------------------------------------
# Call / Done


class Done:
    """The program finished: `value` is the value of its last expression statement."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"Done(value={self.value!r})"


class Call:
    """The program is paused at a call to the host function `function_name`."""

    __slots__ = ("function_name", "args", "kwargs", "_sandbox", "_elapsed", "_source", "_token",
                 "_used")

    def __init__(self, sandbox, function_name, args, kwargs, elapsed, source):
        self.function_name = function_name
        self.args = args
        self.kwargs = kwargs
        self._sandbox = sandbox
        self._elapsed = elapsed
        self._source = source
        self._token = sandbox._pause_token
        self._used = False

    def __repr__(self):
        return f"Call({self.function_name!r}, args={self.args!r}, kwargs={self.kwargs!r})"

    def __del__(self):
        # a dropped Call can never be resumed: release the paused frames (they hold the
        # sandbox's functions, which refer back to the VM through a path the GC cannot see)
        try:
            if not self._used and self._sandbox._pause_token == self._token:
                _core.vm_abandon(self._sandbox._vm)
        except Exception:
            pass

    def _check(self):
        if self._used:
            raise MontyError("this Call was already resumed; a Call resumes once")
        if self._sandbox._pause_token != self._token:
            raise MontyError("this Call is stale: its sandbox has run other code since")

    def resume(self, return_value=None):
        """Continue with `return_value` as the host function's result; the next Call or Done."""
        self._check()
        value = _core.to_sandbox(return_value)
        self._used = True
        vm = self._sandbox._vm
        return _drive(self._sandbox, lambda: _core.vm_resume(vm, value, None), self._elapsed,
                      self._source)

    def resume_error(self, exc):
        """Continue by raising `exc` (a fresh sandbox exception of the same builtin type and
        message; RuntimeError for other types) at the call site."""
        self._check()
        if not isinstance(exc, BaseException):
            raise TypeError(f"resume_error() needs an exception, not {type(exc).__name__}")
        value = _core.host_exception_value(exc)
        self._used = True
        vm = self._sandbox._vm
        return _drive(self._sandbox, lambda: _core.vm_resume(vm, None, value), self._elapsed,
                      self._source)

    def dump(self, secret=None):
        """The paused program as bytes; with `secret`, an HMAC-SHA256 tag is appended."""
        self._check()
        payload = _dump_state(self)
        if secret is not None:
            payload += _tag(secret, payload)
        return payload


def _tag(secret, payload):
    if not isinstance(secret, (bytes, bytearray)):
        raise TypeError("secret must be bytes")
    return hmac.new(bytes(secret), payload, hashlib.sha256).digest()


def start(sandbox, linked, source):
    sandbox._pause_token += 1
    _core.vm_abandon(sandbox._vm)
    vm = sandbox._vm
    return _drive(sandbox, lambda: vm.run_module(linked), 0.0, source)


def _drive(sandbox, step, elapsed, source):
    from . import _limit_error, _runtime_error
    sandbox._pause_token += 1
    vm = sandbox._vm
    vm.pause_mode = True
    duration = sandbox.limits.max_duration
    t0 = time.perf_counter()
    vm.deadline = t0 + (duration - elapsed) if duration is not None else 0.0
    try:
        value = step()
    except _core.LimitExceeded as e:
        raise _limit_error(e, sandbox.limits) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except MontyError:
        raise
    except BaseException as e:
        raise _runtime_error(e, source) from None
    finally:
        elapsed += time.perf_counter() - t0
    if value is _core.Paused:
        name, args, kwargs = _core.vm_pending_call(vm)
        return Call(sandbox, name, args, kwargs, elapsed, source)
    return Done(_core.to_host(value))


# ---------------------------------------------------------------------------------------------
# names the encoder may use for values it does not copy


def _named_values():
    from . import _BUILTINS
    named = {}
    for name, value in _BUILTINS.items():
        named["b:" + name] = value
    for tp in _policy.EXPOSED_TYPES:
        named.setdefault("t:" + tp.__name__, tp)
    return named


_NAMED = None
_NAME_OF = None
_METHOD_OWNER = None
_METHOD_TYPES = {}


def _tables():
    global _NAMED, _NAME_OF, _METHOD_OWNER
    if _NAMED is None:
        _NAMED = _named_values()
        _NAME_OF = {}
        for name, value in _NAMED.items():
            if value is None or isinstance(value, bool):
                continue
            _NAME_OF.setdefault(id(value), name)
        _METHOD_OWNER = _core.method_entry_owner()
        for tp in _policy.METHODS:
            _METHOD_TYPES[tp.__name__] = tp
    return _NAMED, _NAME_OF, _METHOD_OWNER


_EXC_TYPES = {t.__name__: t for t in _core.EXPOSED_EXCEPTIONS}
_DICT_VIEWS = {"keys": type({}.keys()), "values": type({}.values()), "items": type({}.items())}
_VIEW_KIND = {v: k for k, v in _DICT_VIEWS.items()}


# ---------------------------------------------------------------------------------------------
# encoding


class _Encoder:
    def __init__(self, code_paths):
        self.memo = {}
        self.entries = []
        self.queue = []
        self.keep = []
        self.code_paths = code_paths       # id(code) -> (module code, path)
        self.modules = []                  # module codes used, in index order
        self.module_index = {}
        _, self.name_of, self.method_owner = _tables()

    def ref(self, obj):
        if obj is _NULL:
            return [-1]
        key = id(obj)
        i = self.memo.get(key)
        if i is None:
            i = self.memo[key] = len(self.entries)
            self.entries.append(None)
            self.queue.append(obj)
            self.keep.append(obj)
        return [i]

    def item(self, obj):
        t = type(obj)
        if t is str or t is float or obj is None or t is bool or t is bytes:
            return obj
        if t is int and -(1 << 63) <= obj < (1 << 64):
            return obj
        return self.ref(obj)

    def items(self, seq):
        return _core.encode_items(seq, self.ref)

    def code(self, code):
        found = self.code_paths.get(id(code))
        if found is None:
            raise MontyError(f"cannot snapshot {code!r}: its module is no longer linked")
        module, path = found
        idx = self.module_index.get(id(module))
        if idx is None:
            idx = self.module_index[id(module)] = len(self.modules)
            self.modules.append(module)
        return [idx, *path]

    def run(self):
        while self.queue:
            obj = self.queue.pop()
            idx = self.memo[id(obj)]
            name = self.name_of.get(id(obj))
            if name is not None:
                self.entries[idx] = ["N", name]
                continue
            enc = ENCODERS.get(type(obj))
            if enc is None:
                owner = self.method_owner.get(id(obj))
                if owner is not None and owner[2] is obj:
                    self.entries[idx] = ["m", owner[0].__name__, owner[1]]
                    continue
                if type(obj).__name__ == "builtin_function_or_method" and isinstance(
                        getattr(obj, "__name__", None), str):
                    self.entries[idx] = ["W", self.item(obj.__self__), obj.__name__]
                    continue
                raise MontyError(f"cannot snapshot a value of type "
                                 f"'{type(obj).__name__}' held by the paused program")
            self.entries[idx] = enc(self, obj)


def _enc_int(e, v):
    return ["I", format(v, "x")]


def _enc_exception(e, exc):
    tb = getattr(exc, "__monty_tb__", None) or []
    return ["E", type(exc).__name__, e.item(exc.args), e.item(exc.__cause__),
            e.item(exc.__context__), bool(exc.__suppress_context__),
            [[str(n), int(l)] for n, l in tb]]


def _enc_function(e, fn):
    code, defaults, kwdefaults, closure, name, qualname = _core.function_state(fn)
    return ["f", e.code(code), e.item(defaults), e.item(kwdefaults), e.item(closure), name,
            qualname]


def _enc_iter(e, it):
    kind, fields = _core.iter_state(it)
    if kind is None:
        raise MontyError(f"cannot snapshot an iterator of type '{type(it).__name__}'")
    if kind == "DictIter":
        fields = (fields[0], fields[1], _core.dict_iter_count(it), fields[3])
    return ["i", kind, [e.item(x) for x in fields]]


def _enc_wrapper(e, w):
    info = _policy._WRAPPER_INFO.get(w.__func__)
    if info is None:
        raise MontyError("cannot snapshot a bound method wrapper")
    return ["W", e.item(w.__self__), info[1]]


ENCODERS = {
    list: lambda e, v: ["L", e.items(v)],
    tuple: lambda e, v: ["T", e.items(v)],
    set: lambda e, v: ["S", e.items(v)],
    frozenset: lambda e, v: ["F", e.items(v)],
    dict: lambda e, v: ["D", e.items(v.keys()), e.items(v.values())],
    int: _enc_int,
    complex: lambda e, v: ["X", v.real, v.imag],
    bytearray: lambda e, v: ["Y", bytes(v)],
    range: lambda e, v: ["R", e.item(v.start), e.item(v.stop), e.item(v.step)],
    slice: lambda e, v: ["s", e.item(v.start), e.item(v.stop), e.item(v.step)],
    _core.Cell: lambda e, c: ["C", e.ref(_core.cell_contents(c)) if _core.cell_contents(c) is _NULL
                              else e.item(_core.cell_contents(c))],
    _core.Function: _enc_function,
    _core.BoundMethod: lambda e, m: ["M", e.item(m.func), e.item(m.self_obj)],
    _core.HostFunction: lambda e, h: ["H", h.name],
    _core.Code: lambda e, c: ["c", e.code(c)],
    _policy.BoundWrapper: _enc_wrapper,
    _policy.OpaqueType: lambda e, t: ["O", t.__name__],
}
for _t in _DICT_VIEWS.values():
    ENCODERS[_t] = lambda e, v: ["V", _VIEW_KIND[type(v)], e.ref(_core.view_mapping(v))]
for _t in _core.EXPOSED_EXCEPTIONS:
    ENCODERS[_t] = _enc_exception
for _t in _core.SANDBOX_ITER_TYPES:
    ENCODERS[_t] = _enc_iter


def _code_paths(modules):
    out = {}
    for module in modules:
        stack = [(module, [])]
        while stack:
            code, path = stack.pop()
            out[id(code)] = (module, path)
            for i, c in enumerate(code.consts):
                if isinstance(c, _core.Code):
                    stack.append((c, path + [i]))
    return out


def _dump_state(call):
    sandbox = call._sandbox
    state = _core.vm_export(sandbox._vm)
    enc = _Encoder(_code_paths(state["modules"]))
    frames = []
    for code, func, pc, base, ret, sp in state["frames"]:
        frames.append([enc.code(code), enc.item(func), pc, base, ret, sp])
    gl = enc.items(state["globals"])
    stack = enc.items(state["stack"])
    handled = enc.item(state["handled"])
    name, args, kwargs = state["pending_call"]
    call_item = [name, enc.item(args), enc.item(kwargs)]
    enc.run()
    modules = [m.source for m in enc.modules]
    doc = [MAGIC, VERSION, modules, state["slot_names"], gl, stack, frames, handled, call_item,
           float(call._elapsed), enc.entries]
    try:
        return _encoder.encode(doc)
    except (TypeError, ValueError, OverflowError) as e:
        raise MontyError(f"cannot snapshot the paused program: {e}") from None


# ---------------------------------------------------------------------------------------------
# loading


class _Bad(Exception):
    pass


def _need(cond, what):
    if not cond:
        raise _Bad(what)


_MISSING = object()
_BUSY = object()
_LEAVES = (str, int, float, bool, bytes, type(None))


class _Decoder:
    def __init__(self, objects, codes, sandbox, hosts):
        _need(type(objects) is list, "object table is not an array")
        self.objects = objects
        self.built = [_MISSING] * len(objects)
        self.codes = codes            # module index -> linked module Code
        self.sandbox = sandbox
        self.hosts = hosts
        self.fill = []
        self.dict_iters = []
        self.depth = 0
        self.named, _, _ = _tables()

    # items
    def item(self, x, null=False):
        t = type(x)
        if t is list:
            return self.ref(x, null)
        _need(t in _LEAVES, "bad value item")
        return x

    def ref(self, x, null=False):
        _need(type(x) is list and len(x) == 1 and type(x[0]) is int, "bad reference")
        i = x[0]
        if i == -1:
            _need(null, "empty slot where a value is required")
            return _NULL
        _need(0 <= i < len(self.objects), "reference out of range")
        v = self.built[i]
        if v is _MISSING:
            v = self.build(i)
        _need(v is not _BUSY, "reference cycle through immutable values")
        return v

    def items(self, x):
        _need(type(x) is list, "expected an array")
        out = _core.decode_items(x, self.ref)
        return out

    def code(self, path, unlinked=False):
        _need(type(path) is list and path and all(type(p) is int for p in path), "bad code path")
        _need(0 <= path[0] < len(self.codes), "bad module index")
        code = (self.unlinked if unlinked else self.codes)[path[0]]
        for i in path[1:]:
            _need(0 <= i < len(code.consts) and isinstance(code.consts[i], _core.Code),
                  "bad code path")
            code = code.consts[i]
        return code

    def build(self, i):
        entry = self.objects[i]
        _need(type(entry) is list and entry and type(entry[0]) is str, "bad object entry")
        kind = entry[0]
        shell = SHELLS.get(kind)
        if shell is not None:
            obj = shell(self, entry)
            self.built[i] = obj
            self.fill.append((obj, entry))
            return obj
        dec = DECODERS.get(kind)
        _need(dec is not None, f"unknown object kind {kind!r}")
        if self.depth == 0:
            self.prebuild(i)
            if self.built[i] is not _MISSING:
                return self.built[i]
        self.depth += 1
        _need(self.depth <= MAX_NESTING, "values nested too deeply")
        self.built[i] = _BUSY
        obj = dec(self, entry)
        self.built[i] = obj
        self.depth -= 1
        return obj

    def prebuild(self, root):
        """Build the immutable values `root` needs, deepest first, without recursing (a
        chain of 10,000 nested tuples loads like a flat one)."""
        objects = self.objects
        built = self.built
        on_path = {root}
        stack = [(root, self.children(root))]
        while stack:
            j, kids = stack[-1]
            for c in kids:
                if built[c] is _MISSING and c not in on_path and self.is_immutable(c):
                    on_path.add(c)
                    stack.append((c, self.children(c)))
                    break
            else:
                stack.pop()
                on_path.discard(j)
                if built[j] is _MISSING:
                    self.depth += 1
                    try:
                        self.build(j)
                    finally:
                        self.depth -= 1

    def is_immutable(self, i):
        entry = self.objects[i]
        return type(entry) is list and entry and entry[0] in CHILD_FIELDS

    def children(self, i):
        """Indices of the table entries entry `i` refers to (an iterator, consumed lazily)."""
        entry = self.objects[i]
        if type(entry) is not list or not entry:
            return iter(())
        fields = CHILD_FIELDS.get(entry[0])
        if fields is None:
            return iter(())
        n = len(self.objects)
        out = []
        for k in fields:
            if k >= len(entry):
                continue
            x = entry[k]
            if type(x) is not list:
                continue
            if len(x) == 1 and type(x[0]) is int:
                if 0 <= x[0] < n:
                    out.append(x[0])
                continue
            for y in x:
                if type(y) is list and len(y) == 1 and type(y[0]) is int and 0 <= y[0] < n:
                    out.append(y[0])
        return iter(out)

    def finish(self):
        while self.fill:
            obj, entry = self.fill.pop()
            FILLERS[entry[0]](self, obj, entry)
        for it, count in self.dict_iters:
            _core.dict_iter_seek(it, count)


def _args(entry, n):
    _need(len(entry) == n + 1, f"bad {entry[0]!r} entry")
    return entry[1:]


def _str(x, what="name"):
    _need(type(x) is str and len(x) <= 1000, f"bad {what}")
    return x


def _shell_exception(d, entry):
    name, args, cause, context, suppress, tb = _args(entry, 6)
    cls = _EXC_TYPES.get(name)
    _need(cls is not None, f"unknown exception type {name!r}")
    args = d.item(args)
    _need(type(args) is tuple, "exception args must be a tuple")
    return cls(*args)


def _fill_exception(d, exc, entry):
    name, args, cause, context, suppress, tb = _args(entry, 6)
    cause = d.item(cause)
    context = d.item(context)
    _need(cause is None or isinstance(cause, BaseException), "bad __cause__")
    _need(context is None or isinstance(context, BaseException), "bad __context__")
    exc.__cause__ = cause
    exc.__context__ = context
    exc.__suppress_context__ = bool(suppress)
    _need(type(tb) is list, "bad traceback")
    frames = []
    for row in tb:
        _need(type(row) is list and len(row) == 2 and type(row[0]) is str and type(row[1]) is int,
              "bad traceback entry")
        frames.append((row[0], row[1]))
    if frames:
        exc.__dict__["__monty_tb__"] = frames


def _fill_dict(d, obj, entry):
    keys, values = _args(entry, 2)
    keys = d.items(keys)
    values = d.items(values)
    _need(len(keys) == len(values), "dict keys and values differ in length")
    obj.update(zip(keys, values))


def _fill_cell(d, cell, entry):
    (value,) = _args(entry, 1)
    _core.cell_set(cell, d.item(value, null=True))


SHELLS = {
    "L": lambda d, e: [],
    "D": lambda d, e: {},
    "S": lambda d, e: set(),
    "Y": lambda d, e: bytearray(),
    "C": lambda d, e: _core.make_cell(_NULL),
    "E": _shell_exception,
}

FILLERS = {
    "L": lambda d, obj, e: obj.extend(d.items(_args(e, 1)[0])),
    "D": _fill_dict,
    "S": lambda d, obj, e: obj.update(d.items(_args(e, 1)[0])),
    "Y": lambda d, obj, e: obj.extend(_bytes(_args(e, 1)[0])),
    "C": _fill_cell,
    "E": _fill_exception,
}


def _bytes(x):
    _need(type(x) is bytes, "expected bytes")
    return x


def _dec_int(d, entry):
    (text,) = _args(entry, 1)
    _need(type(text) is str and 0 < len(text) <= 100_000, "bad integer")
    return int(text, 16)


def _dec_named(d, entry):
    (name,) = _args(entry, 1)
    value = d.named.get(_str(name), _MISSING)
    _need(value is not _MISSING, f"unknown builtin {name!r}")
    return value


def _dec_method(d, entry):
    tname, name = _args(entry, 2)
    tp = _METHOD_TYPES.get(_str(tname))
    _need(tp is not None, f"unknown type {tname!r}")
    fn = _core.method_entry(tp, _str(name))
    _need(fn is not None, f"unknown method {tname}.{name}")
    return fn


def _dec_bound(d, entry):
    receiver, name = _args(entry, 2)
    receiver = d.item(receiver)
    try:
        return _core.sandbox_getattr(receiver, _str(name))
    except AttributeError:
        raise _Bad(f"no method {name!r} on that value") from None


def _dec_function(d, entry):
    path, defaults, kwdefaults, closure, name, qualname = _args(entry, 6)
    code = d.code(path)
    _need(not code.flags & 4, "a function cannot run module code")
    defaults = d.item(defaults)
    kwdefaults = d.item(kwdefaults)
    closure = d.item(closure)
    _need(defaults is None or type(defaults) is tuple, "bad defaults")
    _need(kwdefaults is None or type(kwdefaults) is dict, "bad kwdefaults")
    if code.freevars:
        _need(type(closure) is tuple and len(closure) == len(code.freevars)
              and all(type(c) is _core.Cell for c in closure), "bad closure")
    else:
        _need(closure is None, "bad closure")
    return _core.make_function_value(d.sandbox._vm, code, defaults, kwdefaults, closure,
                                     _str(name), _str(qualname))


def _dec_iter(d, entry):
    kind, fields = _args(entry, 2)
    _need(type(kind) is str and type(fields) is list and len(fields) <= 4, "bad iterator")
    values = tuple(d.item(f) for f in fields)
    count = None
    if kind == "DictIter":
        _need(len(values) == 4, "bad DictIter")
        count = values[2]
    try:
        it = _core.make_iter(kind, values)
    except (TypeError, ValueError, OverflowError) as e:
        raise _Bad(f"bad iterator: {e}") from None
    if count is not None:
        d.dict_iters.append((it, count))
    return it


def _dec_view(d, entry):
    kind, mapping = _args(entry, 2)
    mapping = d.item(mapping)
    _need(type(mapping) is dict and kind in _DICT_VIEWS, "bad dict view")
    return getattr(mapping, kind)()


def _dec_range(d, entry):
    a, b, c = (d.item(x) for x in _args(entry, 3))
    _need(all(type(x) is int for x in (a, b, c)) and c != 0, "bad range")
    return range(a, b, c)


def _dec_tuple(d, entry):
    return tuple(d.items(_args(entry, 1)[0]))


def _dec_frozenset(d, entry):
    return frozenset(d.items(_args(entry, 1)[0]))


def _dec_host(d, entry):
    (name,) = _args(entry, 1)
    hf = d.hosts.get(_str(name))
    if hf is None:
        raise MontyError(f"the snapshot needs host function {name!r}: pass it in load(functions=...)")
    return hf


def _dec_complex(d, entry):
    re, im = _args(entry, 2)
    _need(type(re) is float and type(im) is float, "bad complex")
    return complex(re, im)


def _dec_opaque(d, entry):
    (name,) = _args(entry, 1)
    _need(type(name) is str and name.replace("_", "a").isalnum() and len(name) < 100,
          "bad type name")
    return _core.opaque_type(name)


# immutable kinds -> the entry fields that hold references (or lists of them)
CHILD_FIELDS = {"T": (1,), "F": (1,), "f": (2, 3, 4), "M": (1, 2), "i": (2,), "V": (2,),
                "W": (1,), "R": (1, 2, 3), "s": (1, 2, 3)}

DECODERS = {
    "T": _dec_tuple,
    "F": _dec_frozenset,
    "I": _dec_int,
    "X": _dec_complex,
    "R": _dec_range,
    "s": lambda d, e: slice(*(d.item(x) for x in _args(e, 3))),
    "f": _dec_function,
    "M": lambda d, e: _core.BoundMethod(*(d.item(x) for x in _args(e, 2))),
    "H": _dec_host,
    "c": lambda d, e: d.code(_args(e, 1)[0]),
    "N": _dec_named,
    "m": _dec_method,
    "W": _dec_bound,
    "i": _dec_iter,
    "V": _dec_view,
    "O": _dec_opaque,
}


# ------------------------------------------------------------------ frame checks


_analysis_cache = {}


def _join(x, y):
    if len(x) != len(y):
        raise _Bad("inconsistent stack depths in the code")
    return tuple(a if a == b else ("m" if "m" in (a, b) else "a") for a, b in zip(x, y))


def _stack_kinds(code):
    """For each instruction, the kinds of the value-stack slots before it runs: 'a' a value,
    'm' a value or NULL, 'i' a sandbox iterator, 'e' an exception, 'h' an exception or None
    (the exception handled before), 'L' a list, 'S' a set, 'D' a dict, 's' a str (the VM
    relies on these without checking). Paths that meet are joined (different kinds: 'a')."""
    from . import opcodes as O
    key = id(code)
    hit = _analysis_cache.get(key)
    if hit is not None and hit[0] is code:
        return hit[1]
    spec = code.spec
    instrs = spec["instrs"]
    handlers = spec["handlers"]
    handler_of = spec["handler_of"]
    consts = code.consts
    n = len(instrs)
    kinds = [None] * n
    work = [(0, ())]
    kinds[0] = ()
    steps = 0

    def push(t, st):
        old = kinds[t]
        if old is None:
            kinds[t] = st
            work.append((t, st))
        else:
            j = _join(old, st)
            if j != old:
                kinds[t] = j
                work.append((t, j))

    while work:
        i, st = work.pop()
        if kinds[i] != st:
            continue                 # superseded by a join
        while i < n:
            steps += 1
            if steps > 50 * n + 1000:
                raise _Bad("code analysis does not converge")
            op, a, b = instrs[i]
            h = handler_of[i]
            name = O.NAMES[op]
            if h >= 0 and name not in _CANNOT_RAISE:
                t, depth = handlers[h]
                if len(st) >= depth:        # (a `break` jump covered by the handler pops below it)
                    push(t, st[:depth] + ("e",))
            nxt = None
            if name == "GET_ITER":
                nxt = st[:-1] + ("i",)
            elif name == "FOR_ITER":
                push(a, st[:-1])
                nxt = st + ("a",)
            elif name == "FOR_ITER_STORE_FAST":
                push(a, st[:-1])
                nxt = st
            elif name == "PUSH_EXC_INFO":
                nxt = st[:-1] + ("h", "e")
            elif name == "COPY":
                nxt = st + (st[-a],)
            elif name == "SWAP":
                lst = list(st)
                lst[-1], lst[-a] = lst[-a], lst[-1]
                nxt = tuple(lst)
            elif name == "PUSH_NULL":
                nxt = st + ("m",)
            elif name == "LOAD_METHOD":
                nxt = st[:-1] + ("a", "m")
            elif name == "LOAD_CONST":
                nxt = st + ("s" if type(consts[a]) is str else "a",)
            elif name in ("JUMP", "JUMP_BACKWARD"):
                push(a, st)
                break
            elif name in ("JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP"):
                push(a, st)
                nxt = st[:-1]
            elif name in ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE"):
                push(a, st[:-1])
                nxt = st[:-1]
            elif name == "COMPARE_JUMP_IF_FALSE":
                push(b, st[:-2])
                nxt = st[:-2]
            elif op in O.TERMINATORS:
                break
            else:
                jump = O.JUMP_OPERAND.get(op)
                if jump is not None:        # an opcode this analysis does not model exactly
                    je = O.stack_effect(op, a, b, jump=True)
                    push(a if jump == "a" else b,
                         (st[:len(st) + je] if je < 0 else st) + ("a",) * max(je, 0))
                effect = O.stack_effect(op, a, b)
                pushes = _pushes(name, a, b)
                pops = pushes - effect
                out = _RESULT_KIND.get(name, "a")
                nxt = (st[:len(st) - pops] if pops else st) + (out,) * pushes
            i += 1
            if i < n:
                if kinds[i] is not None:
                    push(i, nxt)
                    break
                kinds[i] = nxt
                st = nxt
    if len(_analysis_cache) > 512:
        _analysis_cache.clear()
    _analysis_cache[key] = (code, kinds)
    return kinds


# instructions that never raise: their handler is not entered from them (PUSH_EXC_INFO makes
# the handler's slot; a RETURN_VALUE after POP_EXCEPT still lies in the handler's range)
_CANNOT_RAISE = frozenset("""PUSH_EXC_INFO POP_EXCEPT RETURN_VALUE SWAP COPY NOP JUMP LOAD_CONST
PUSH_NULL""".split())

_RESULT_KIND = {"BUILD_LIST": "L", "BUILD_SET": "S", "BUILD_MAP": "D", "FORMAT_VALUE": "s"}
_SLOT_TYPES = {"L": list, "S": set, "D": dict, "s": str}


_NO_PUSH = frozenset("""NOP POP_TOP STORE_FAST DELETE_FAST STORE_GLOBAL DELETE_GLOBAL STORE_DEREF
DELETE_DEREF STORE_ATTR DELETE_ATTR STORE_SUBSCR DELETE_SUBSCR LIST_APPEND SET_ADD MAP_ADD
LIST_EXTEND SET_UPDATE DICT_UPDATE DICT_MERGE BINARY_OP_STORE_FAST POP_EXCEPT""".split())


def _pushes(name, a, b):
    if name in _NO_PUSH:
        return 0
    if name in ("LOAD_FAST_LOAD_FAST", "LOAD_FAST_LOAD_CONST"):
        return 2
    if name == "UNPACK_SEQUENCE":
        return a
    if name == "UNPACK_EX":
        return a + b + 1
    return 1


def _check_slot(kind, v):
    if kind == "m":
        return
    _need(v is not _NULL, "empty value-stack slot")
    if kind == "i":
        _need(_core.is_sandbox_iter(v), "an iterator slot holds a non-iterator")
    elif kind == "e":
        _need(isinstance(v, BaseException), "an exception slot holds a non-exception")
    elif kind == "h":
        _need(v is None or isinstance(v, BaseException), "a handler slot holds a non-exception")
    elif kind in _SLOT_TYPES:
        _need(type(v) is _SLOT_TYPES[kind], "a stack slot holds a value of the wrong type")


def _check_frames(frames, plain, stack, max_depth):
    """`plain`: each frame's code before linking (the same instructions, cached analysis)."""
    from . import opcodes as O
    call_ops = (O.BY_NAME["CALL"], O.BY_NAME["CALL_EX"])
    _need(0 < len(frames) <= max_depth, "bad frame count")
    prev_base = 0
    prev_limit = 0
    for k, (code, func, pc, base, ret, sp) in enumerate(frames):
        module = bool(code.flags & 4)
        _need(all(type(x) is int for x in (pc, base, ret, sp)), "bad frame fields")
        if k == 0:
            _need(module and func is None and base == -1 and ret == 0, "bad module frame")
            _need(type(stack[0]) is _core.Code and stack[0] is code, "bad module frame slot")
            stack_base = 1
        else:
            _need(not module and type(func) is _core.Function
                  and _core.function_state(func)[0] is code, "bad function frame")
            _need(prev_base <= ret < prev_limit and ret + 1 <= base <= ret + 2,
                  "bad frame layout")
            _need(stack[ret] is func, "the frame's function is not at its call slot")
            if base == ret + 2:
                _need(stack[ret + 1] is _NULL, "bad call slot")
            stack_base = base + code.nslots
            nlocals = code.nlocals
            for j in range(base + nlocals, stack_base):
                _need(j < len(stack) and type(stack[j]) is _core.Cell, "a cell slot holds a non-cell")
            closure = _core.function_state(func)[3] or ()
            for j in range(code.nfree):
                _need(stack[base + nlocals + code.ncells + j] is closure[j], "bad free variable")
        limit = stack_base + code.stacksize + 2
        _need(1 <= pc <= code.ninstrs, "instruction pointer outside the code")
        _need(code.spec["instrs"][pc - 1][0] in call_ops, "frame not paused at a call")
        top = frames[k + 1][4] if k + 1 < len(frames) else sp
        _need(top == sp, "bad saved stack top")
        kinds = _stack_kinds(plain[k])
        _need(pc < len(kinds) and kinds[pc] is not None, "unreachable instruction")
        live = kinds[pc][:-1]            # the call's result is not on the stack yet
        _need(sp - stack_base == len(live) and sp < limit and sp <= len(stack),
              "stack depth does not match the code")
        for j, kind in enumerate(live):
            _check_slot(kind, stack[stack_base + j])
        prev_base = stack_base
        prev_limit = limit
    _need(frames[-1][5] == len(stack), "bad stack size")


def load(data, functions=None, limits=None, print_callback=None, secret=None):
    """The paused program in `data` (from `Call.dump`), as a Call on a fresh Sandbox."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"load() needs bytes, not {type(data).__name__}")
    data = bytes(data)
    if secret is not None:
        if not isinstance(secret, (bytes, bytearray)):
            raise TypeError("secret must be bytes")
        if len(data) < _TAG:
            raise MontyError("snapshot refused: missing authentication tag")
        payload, tag = data[:-_TAG], data[-_TAG:]
        if not hmac.compare_digest(_tag(secret, payload), tag):
            raise MontyError("snapshot refused: authentication tag does not match")
        data = payload
    try:
        return _load(data, functions, limits, print_callback)
    except MontyError:
        raise
    except _Bad as e:
        raise MontyError(f"invalid snapshot: {e}") from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except RecursionError:
        raise MontyError("invalid snapshot: nested too deeply") from None
    except MemoryError:
        raise MontyError("invalid snapshot: too large") from None
    except Exception as e:
        raise MontyError(f"invalid snapshot: {type(e).__name__}: {e}") from None


def _load(data, functions, limits, print_callback):
    from . import Sandbox, _code_cache, _check_name
    try:
        doc = _decoder.decode(data)
    except msgspec.DecodeError as e:
        raise MontyError(f"invalid snapshot: {e}") from None
    _need(type(doc) is list and len(doc) == 11, "not a monty snapshot")
    _need(doc[0] == MAGIC, "not a monty snapshot")
    _need(doc[1] == VERSION, f"unsupported snapshot version {doc[1]!r} (this is {VERSION})")
    _, _, modules, slot_names, gl, stack, frames, handled, call_item, elapsed, objects = doc
    _need(type(modules) is list and all(type(m) is str for m in modules), "bad modules")
    _need(type(slot_names) is list and all(type(s) is str and s.isidentifier() for s in slot_names)
          and len(set(slot_names)) == len(slot_names), "bad slot names")
    _need(type(gl) is list and len(gl) <= len(slot_names), "bad globals")
    _need(type(stack) is list and 0 < len(stack) < 1 << 20, "bad stack")
    _need(type(frames) is list and frames, "bad frames")
    _need(type(elapsed) is float and elapsed >= 0, "bad elapsed time")
    _need(type(call_item) is list and len(call_item) == 3 and type(call_item[0]) is str,
          "bad pending call")

    functions = dict(functions or {})
    sandbox = Sandbox(functions=None, limits=limits, print_callback=print_callback)
    vm = sandbox._vm
    _need(len(frames) <= sandbox.limits.max_recursion_depth, "too many frames")
    _core.vm_prepare_slots(vm, slot_names)
    hosts = {}
    for name, func in functions.items():
        _check_name("function", name)
        if func is not None and not callable(func):
            raise TypeError(f"host function {name!r} must be callable or None")
        sandbox._functions[name] = func
        hosts[name] = _core.HostFunction(name, func)
        vm.set_global(name, hosts[name])
    codes = []
    unlinked = []
    for source in modules:
        try:
            compiled = _code_cache.get(source)
        except MontyError as e:
            raise _Bad(f"module source does not compile: {e}") from None
        unlinked.append(compiled)
        codes.append(vm.link(compiled))

    d = _Decoder(objects, codes, sandbox, hosts)
    d.unlinked = unlinked
    gvals = [d.item(x, null=True) for x in gl]
    svals = [d.item(x, null=True) for x in stack]
    fr = []
    plain = []
    for row in frames:
        _need(type(row) is list and len(row) == 6, "bad frame")
        path, func, pc, base, ret, sp = row
        fr.append((d.code(path), d.item(func), pc, base, ret, sp))
        plain.append(d.code(path, unlinked=True))
    handled_v = d.item(handled)
    args = d.item(call_item[1])
    kwargs = d.item(call_item[2])
    d.finish()
    _need(handled_v is None or isinstance(handled_v, BaseException), "bad handled exception")
    _need(type(args) is tuple and type(kwargs) is dict, "bad pending call")
    _check_frames(fr, plain, svals, sandbox.limits.max_recursion_depth)
    try:
        args = _core.to_host(args)
        kwargs = _core.to_host(kwargs)
    except MontyTypeError:
        raise _Bad("the pending call's arguments are not plain data") from None
    _core.vm_import(vm, fr, svals, gvals, handled_v, (call_item[0], args, kwargs))
    vm.pause_mode = True
    sandbox._pause_token += 1
    return Call(sandbox, call_item[0], args, kwargs, elapsed, modules[0] if modules else None)
