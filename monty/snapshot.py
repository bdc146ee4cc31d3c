"""Pausing at host calls (`Sandbox.start`, `Call`, `Done`) and snapshots (`Call.dump`, `load`).

A snapshot is msgspec msgpack: an array

    [MAGIC, VERSION, modules, slot_names, globals, stack, frames, handled, call, elapsed, objects,
     imported]

- `modules`: the source of each module whose code the paused program uses; code objects are
  recompiled from it on load and named by a path of constant indices from the module code.
- `slot_names`: the sandbox's global slot names in order, so relinking gives the same slots.
- `globals`, `stack`: value items (below); `frames`: [code path, function item, pc, base, ret,
  sp, is_gen, resume, instance item]: a generator frame (is_gen) runs the generator held in its
  `ret` slot, at its caller's region top; `resume` is how a generator frame was resumed, and
  for a function frame the protocol it runs (opcodes.PROTOCOLS: a property getter, __str__,
  __add__..., 0 for a CALL); `instance` is the new object of a class call's `__init__`
  frame, or the list a drained generator frame collects into.
- `imported`: [name, state] of each sandbox module the program imported (re-imported on load;
  `random` keeps its generator state).
- `objects`: the object table. A value item is a plain leaf inline (None, bool, int that fits
  64 bits, float, str, bytes), or `[index]` into the table, or `[-1]` for an empty slot. Every
  table entry is `[kind, ...]`; identity and cycles are preserved.

Sandbox values beyond plain data: generators ("G": code, function, saved slots, position,
state), sandbox classes ("K": name, bases, namespace; a dataclass is re-processed by
`dataclasses.dataclass` with its recorded options and fields on load; "NT": a NamedTuple's
collections.namedtuple base), their instances ("o": class, builtin-base state, __dict__,
__slots__), property/staticmethod/classmethod ("P", "SM", "CM"), sandbox modules ("Mo", by
name: re-imported) and values taken from them ("Ma": module, attribute), collections'
Counter/OrderedDict/defaultdict/deque ("Q"). Anything else (a super() object, a compiled
pattern, ...) makes `dump()` raise a `MontyError` naming its type.

Adding a value type: give it an encoder in `ENCODERS`
(type -> fn(encoder, value) -> [kind, ...]) and, for its kind, either a `SHELLS` + `FILLERS`
pair (mutable values: an empty object first, filled once every entry exists, so cycles work)
or a `DECODERS` entry plus its reference fields in `CHILD_FIELDS` (immutable values, built
from their parts). A value with no encoder makes `dump()` raise a `MontyError` naming its
type. A frame kind the VM adds (a generator's) needs its own check in `_check_frames`.

Loading trusts nothing: every entry is type-checked, objects are only built from the tables
below, frames are checked against the code (the paused instruction, stack depth and the kind of
value each stack slot must hold), and every failure is a `MontyError`.
"""

import dataclasses as _dc
import hashlib
import hmac
import threading
import time
import types as _types

import msgspec

from . import _core
from . import policy as _policy
from .errors import MontyError, MontyTypeError

MAGIC = "monty-snapshot"
IDLE_MAGIC = "monty-sandbox"      # Sandbox.dump: an idle sandbox, no frames
VERSION = 4
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

    __slots__ = ("function_name", "args", "kwargs", "call_id", "_sandbox", "_elapsed", "_source",
                 "_token", "_used", "_pending")

    def __init__(self, sandbox, function_name, args, kwargs, elapsed, source, call_id=0,
                 pending=None):
        self.function_name = function_name
        self.args = args
        self.kwargs = kwargs
        self.call_id = call_id
        self._sandbox = sandbox
        self._elapsed = elapsed
        self._source = source
        self._token = sandbox._pause_token
        self._used = False
        self._pending = pending     # the Pending this call belongs to (None: a paused call)

    def __repr__(self):
        return (f"Call({self.function_name!r}, args={self.args!r}, kwargs={self.kwargs!r}, "
                f"call_id={self.call_id!r})")

    def __del__(self):
        # a dropped Call can never be resumed: release the paused frames (they hold the
        # sandbox's functions, which refer back to the VM through a path the GC cannot see)
        try:
            if self._pending is not None:
                return          # (its Pending owns the pause)
            sandbox = self._sandbox
            if not self._used and sandbox._pause_token == self._token:
                if sandbox._busy.acquire(False):    # (never under a running sandbox's feet)
                    try:
                        _core.vm_abandon(sandbox._vm)
                    finally:
                        sandbox._busy.release()
        except Exception:
            pass

    @property
    def sandbox(self):
        """The Sandbox this program runs in (for a program from `monty.load()`, the Sandbox made
        for it): once the program is done, its globals live on there, for later runs."""
        return self._sandbox

    def _check(self):
        if self._used:
            raise MontyError("this Call was already resumed; a Call resumes once")
        if self._sandbox._pause_token != self._token:
            raise MontyError("this Call is stale: its sandbox has run other code since")

    def _owner(self):
        return self._pending

    def resume(self, return_value=None):
        """Continue with `return_value` as the host function's result; the next Call, Pending
        or Done. (A call listed by a Pending answers just itself.)"""
        if self._pending is not None:
            return self._owner().resume(results={self.call_id: return_value})
        sandbox = self._sandbox
        sandbox._enter()
        try:
            self._check()
            value = _core.to_sandbox(return_value, sandbox._vm)
            self._used = True
            vm = sandbox._vm
            return _drive(sandbox, lambda: _core.vm_resume(vm, value, None), self._elapsed,
                          self._source)
        finally:
            sandbox._busy.release()

    def resume_error(self, exc):
        """Continue by raising `exc` (a fresh sandbox exception of the same builtin type and
        message; RuntimeError for other types) at the call site."""
        if self._pending is not None:
            return self._owner().resume(errors={self.call_id: exc})
        sandbox = self._sandbox
        sandbox._enter()
        try:
            self._check()
            if not isinstance(exc, BaseException):
                raise TypeError(f"resume_error() needs an exception, not {type(exc).__name__}")
            value = _core.host_exception_value(exc)
            self._used = True
            vm = sandbox._vm
            return _drive(sandbox, lambda: _core.vm_resume(vm, None, value), self._elapsed,
                          self._source)
        finally:
            sandbox._busy.release()

    def dump(self, secret=None):
        """The paused program as bytes; with `secret`, an HMAC-SHA256 tag is appended."""
        if self._pending is not None:
            return self._owner().dump(secret)
        return _dump_paused(self, secret)


def _dump_paused(step, secret):
    if secret is not None and not isinstance(secret, (bytes, bytearray)):
        raise TypeError("secret must be bytes")
    sandbox = step._sandbox
    sandbox._enter()
    try:
        step._check()
        try:
            payload = _dump_state(step)
        except MontyError:
            raise
        except RecursionError:
            raise MontyError("cannot snapshot the paused program: values nested too "
                             "deeply") from None
        except Exception as e:
            raise MontyError(f"cannot snapshot the paused program: "
                             f"{type(e).__name__}") from None
    finally:
        sandbox._busy.release()
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
    return _drive(sandbox, lambda: vm.run_module(linked), 0.0, source, True)


def _drive(sandbox, step, elapsed, source, first=False):
    sandbox._pause_token += 1
    vm = sandbox._vm
    vm.pause_mode = True
    t0 = time.perf_counter()
    sandbox._arm_clock(elapsed, first)
    try:
        value = sandbox._step(step, source)
    finally:
        elapsed += time.perf_counter() - t0
    if value is _core.Paused:
        return _paused(sandbox, elapsed, source)
    return Done(value)      # (converted to plain host data inside the run)


def _paused(sandbox, elapsed, source):
    """The Call or Pending a paused VM waits on."""
    vm = sandbox._vm
    if vm.pause_kind == _PAUSE_WAIT:
        return Pending(sandbox, elapsed, source)
    name, args, kwargs, call_id = _core.vm_pending_call(vm)
    return Call(sandbox, name, args, kwargs, elapsed, source, call_id)


_PAUSE_CALL, _PAUSE_WAIT, _PAUSE_SLICE = _core.PAUSE_KINDS


def _waiting(vm):
    """The distinct unanswered futures a paused VM waits on, in order."""
    out = []
    seen = set()
    for fut in _core.vm_pending_call(vm)[1]:
        if id(fut) not in seen and _core.future_info(fut) is not None:
            seen.add(id(fut))
            out.append(fut)
    return out


class Pending:
    """Every sandbox task waits on calls to async host functions: `calls` lists them all
    (each a `Call` with its `call_id`); `resume(results=..., errors=...)` answers any non-empty
    subset of them, by call_id, and runs on."""

    __slots__ = ("calls", "_sandbox", "_elapsed", "_source", "_token", "_used")

    def __init__(self, sandbox, elapsed, source):
        self._sandbox = sandbox
        self._elapsed = elapsed
        self._source = source
        self._token = sandbox._pause_token
        self._used = False
        calls = []
        for fut in _waiting(sandbox._vm):
            name, args, kwargs, call_id = _core.future_info(fut)
            calls.append(Call(sandbox, name, args, kwargs, elapsed, source, call_id, self))
        self.calls = calls

    def __repr__(self):
        return f"Pending(calls={self.calls!r})"

    @property
    def sandbox(self):
        """The Sandbox this program runs in (for a program from `monty.load()`, the Sandbox made
        for it): once the program is done, its globals live on there, for later runs."""
        return self._sandbox

    def __del__(self):
        try:
            sandbox = self._sandbox
            if not self._used and sandbox._pause_token == self._token:
                if sandbox._busy.acquire(False):
                    try:
                        _core.vm_abandon(sandbox._vm)
                    finally:
                        sandbox._busy.release()
        except Exception:
            pass

    def _check(self):
        if self._used:
            raise MontyError("this Pending was already resumed; a Pending resumes once")
        if self._sandbox._pause_token != self._token:
            raise MontyError("this Pending is stale: its sandbox has run other code since")

    def resume(self, results=None, errors=None):
        """Answer some of the pending calls: `results` maps call_id -> return value, `errors`
        call_id -> exception (raised where the sandbox awaits that call); the next Call,
        Pending or Done."""
        sandbox = self._sandbox
        sandbox._enter()
        try:
            self._check()
            results = {} if results is None else results
            errors = {} if errors is None else errors
            if not isinstance(results, dict) or not isinstance(errors, dict):
                raise TypeError("Pending.resume() takes dicts: results={call_id: value}, "
                                "errors={call_id: exception}")
            if not results and not errors:
                raise ValueError("Pending.resume() needs at least one answer")
            vm = sandbox._vm
            waiting = {_core.future_info(f)[3]: f for f in _waiting(vm)}
            for key in list(results) + list(errors):
                if type(key) is not int or key not in waiting:
                    raise ValueError(f"no pending call with call_id {key!r}")
            both = set(results) & set(errors)
            if both:
                raise ValueError(f"call_id {min(both)} is given both a result and an error")
            for key, exc in errors.items():
                if not isinstance(exc, BaseException):
                    raise TypeError(f"errors[{key}] must be an exception, not "
                                    f"{type(exc).__name__}")
            # (every value is copied in before any future is settled: a bad one changes nothing)
            answers = [(waiting[k], _core.to_sandbox(v, vm), None) for k, v in results.items()]
            answers += [(waiting[k], None, e) for k, e in errors.items()]
            for fut, value, exc in answers:
                _core.future_settle(fut, value, exc)
            self._used = True
            flags = _core.vm_wait_result(vm)
            return _drive(sandbox, lambda: _core.vm_resume(vm, flags, None), self._elapsed,
                          self._source)
        finally:
            sandbox._busy.release()

    def dump(self, secret=None):
        """The paused program as bytes; with `secret`, an HMAC-SHA256 tag is appended."""
        return _dump_paused(self, secret)


# ---------------------------------------------------------------------------------------------
# names the encoder may use for values it does not copy


def _named_values():
    from ._shared import BUILTINS as _BUILTINS
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


_METHODS_SEEN = None


_tables_lock = threading.Lock()


def _tables():
    """The encoder's and decoder's name tables, built on first use. The module registry is
    complete first (its modules add their types' methods), and the tables are filled under a
    lock and published whole, so a thread never reads a table another is still building."""
    global _NAMED, _NAME_OF, _METHOD_OWNER, _METHODS_SEEN
    _modules()._discover()
    with _tables_lock:
        if _NAMED is None:
            named = _named_values()
            name_of = {}
            for name, value in named.items():
                if value is None or isinstance(value, bool):
                    continue
                name_of.setdefault(id(value), name)
            _NAME_OF = name_of
            _NAMED = named
        # refresh if methods were added since (the registry's tables only grow)
        seen = (len(_policy.METHODS), sum(len(d) for d in _policy.METHODS.values()))
        if seen != _METHODS_SEEN:
            _METHOD_OWNER = _core.method_entry_owner()
            for tp in list(_policy.METHODS):
                _METHOD_TYPES.setdefault(tp.__name__, tp)
            _METHODS_SEEN = seen
        return _NAMED, _NAME_OF, _METHOD_OWNER


_EXC_TYPES = {t.__name__: t for t in _core.EXPOSED_EXCEPTIONS}
_BaseExceptionGroup = _policy._BaseExceptionGroup
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
        self.module_attr = {}              # id(value) -> (module name, attribute)
        self.imported = {}                 # the VM's imported modules by name
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
            if enc is _enc_function:
                found = self.module_attr.get(id(obj))
                if found is not None:
                    # a module's function written in sandbox Python (functools.reduce): by
                    # name, so that on load it is the re-imported module's own
                    self.entries[idx] = ["Ma", found[0], found[1]]
                    continue
            if enc is None:
                enc = self.special(obj)
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

    def special(self, obj):
        """The encoder of a value whose type is not in ENCODERS: sandbox classes, their
        instances, sandbox modules and values taken from them."""
        t = type(obj)
        if t is type and _core.is_registered_class(obj):
            found = self.module_attr.get(id(obj))
            if found is not None:
                # a class a module exports (asyncio.Task): by name, so that on load it is the
                # re-imported module's own class, the one its functions and exports use
                return lambda e, v: ["Ma", found[0], found[1]]
            return _enc_class
        if t is _sandbox_enum().EnumType and "__monty_class__" in obj.__dict__ and (
                self.module_attr.get(id(obj)) is None):
            return _enc_enum_class
        if type(t) is _sandbox_enum().EnumType and "__monty_class__" in t.__dict__:
            return _enc_enum_member
        if _core.is_registered_class(t):
            return _enc_instance
        if (isinstance(obj, tuple) and self.module_attr.get(id(t)) is not None
                and type(t.__dict__.get("_fields")) is tuple
                and type(t.__dict__.get("_make")) is classmethod):
            where = self.module_attr[id(t)]      # a module's named tuple (decimal.DecimalTuple)
            return lambda e, v: ["Xt", where[0], where[1], e.items(list(tuple.__iter__(v)))]
        if isinstance(obj, BaseException) and self.module_attr.get(id(t)) is not None:
            where = self.module_attr[id(t)]
            return lambda e, v: _enc_module_exception(e, v, where)
        found = self.module_attr.get(id(obj))
        if t is _modules().SandboxModule and (found is None or obj.__name__ in self.imported):
            return lambda e, m: ["Mo", m.__name__]
        if found is not None:
            return lambda e, v: ["Ma", found[0], found[1]]
        tables = _module_tables()
        found = tables[2].get(id(obj))
        if found is not None:
            return lambda e, v: ["Xn", found[0], found[1]]
        if t in tables[0]:
            return _enc_fields
        if t is _types.FunctionType and obj.__code__ in tables[4]:
            return _enc_made
        if t is _sandbox_pattern():
            return _enc_pattern
        if t is _sandbox_match():
            return _enc_match
        if t is _types.GenericAlias:
            return lambda e, v: ["GA", e.item(v.__origin__), e.item(v.__args__)]
        if t in _collection_types():
            return _enc_collection
        if t is _sandbox_fraction():
            return _enc_fraction
        found = _module_values()[0].get(t)
        if found is not None:
            return lambda e, v: ["Xv", found[0], t.__name__, found[1](v)]
        return None


def _modules():
    from . import modules
    return modules


def _sandbox_pattern():
    from .modules import re
    return re.Pattern


def _sandbox_match():
    from .modules import re
    return re.Match


def _sandbox_fraction():
    from .modules import fractions
    return fractions.Fraction


_module_values_cache = []


def _module_values():
    """Value types sandbox modules snapshot themselves (a module file's `SNAPSHOT`:
    {type: (to plain data, from plain data)}): ({type: (module, dump)}, {(module, type name):
    load})."""
    if not _module_values_cache:
        mods = _modules()
        mods._discover()
        dumps, loads = {}, {}
        for name, mod in mods._FILES.items():
            for tp, (dump, load) in getattr(mod, "SNAPSHOT", {}).items():
                dumps[tp] = (name, dump)
                loads[(name, tp.__name__)] = load
        _module_values_cache[:] = [dumps, loads]
    return _module_values_cache


def _dec_module_value(d, entry):
    module, tname, data = _args(entry, 3)
    load = _module_values()[1].get((module, tname)) if type(module) is str and type(
        tname) is str else None
    _need(load is not None, "bad module value")
    try:
        return load(data)
    except (TypeError, ValueError, OverflowError, ArithmeticError, KeyError) as e:
        raise _Bad(f"bad {module}.{tname} value: {e}") from None


def _collection_types():
    """The sandbox's collections types whose instances are snapshotted by value."""
    from .modules import collections as c
    return {c.Counter: "dict", c.OrderedDict: "dict", c.defaultdict: "dict", c.deque: "deque"}


def _enc_collection(e, obj):
    import collections as _c
    if isinstance(obj, _c.deque):
        return ["Q", e.item(type(obj)), e.items(list(_c.deque.__iter__(obj))), obj.maxlen]
    extra = e.item(obj.default_factory) if isinstance(obj, _c.defaultdict) else None
    return ["Q", e.item(type(obj)), [e.items(list(dict.keys(obj))), e.items(list(dict.values(obj)))],
            extra]


def _shell_collection(d, entry):
    tp, state, extra = _args(entry, 3)
    tp = d.item(tp)
    kinds = _collection_types()
    _need(isinstance(tp, type) and tp in kinds, "bad collection type")
    import collections as _c
    # (the types' own __init__ iterate through the running sandbox: CPython's are called)
    if kinds[tp] == "deque":
        _need(extra is None or (type(extra) is int and 0 <= extra < 1 << 40), "bad deque maxlen")
        obj = _c.deque.__new__(tp)
        _c.deque.__init__(obj, (), extra)
        return obj
    for base in (_c.defaultdict, _c.OrderedDict, dict):
        if issubclass(tp, base):
            obj = base.__new__(tp)
            base.__init__(obj)
            return obj
    raise _Bad("bad collection type")


def _fill_collection(d, obj, entry):
    import collections as _c
    tp, state, extra = _args(entry, 3)
    if isinstance(obj, _c.deque):
        _c.deque.extend(obj, d.items(state))
        return
    _need(type(state) is list and len(state) == 2, "bad mapping state")
    keys, values = d.items(state[0]), d.items(state[1])
    _need(len(keys) == len(values), "bad mapping state")
    if isinstance(obj, _c.defaultdict):
        factory = d.item(extra)
        _need(factory is None or callable(factory), "bad defaultdict factory")
        obj.default_factory = factory
    if isinstance(obj, _c.OrderedDict):
        for k, v in zip(keys, values):
            _c.OrderedDict.__setitem__(obj, k, v)
    else:
        dict.update(obj, zip(keys, values))


def _enc_int(e, v):
    return ["I", format(v, "x")]


def _enc_exception(e, exc):
    tb = getattr(exc, "__monty_tb__", None) or []
    return ["E", type(exc).__name__, e.item(exc.args), e.item(exc.__cause__),
            e.item(exc.__context__), bool(exc.__suppress_context__),
            [[str(f[0]), int(f[1])] for f in tb]] + _enc_group(e, exc)


def _enc_group(e, exc):
    """An exception group's message and exceptions, which it is created with (its args may
    hold mutable values, filled after every shell exists)."""
    if _BaseExceptionGroup is None or not issubclass(type(exc), _BaseExceptionGroup):
        return []
    return [e.item(_BaseExceptionGroup.message.__get__(exc)),
            e.item(_BaseExceptionGroup.exceptions.__get__(exc))]


def _new_group(d, cls, group):
    """The shell of an exception group of class `cls`: [message, exceptions] encoded."""
    _need(_BaseExceptionGroup is not None and issubclass(cls, _BaseExceptionGroup) and
          len(group) == 2, "bad exception group")
    message, excs = d.item(group[0]), d.item(group[1])
    _need(type(message) is str and type(excs) is tuple and excs and
          all(isinstance(x, BaseException) for x in excs), "bad exception group")
    return _BaseExceptionGroup.__new__(cls, message, excs)


def _enc_function(e, fn):
    code, defaults, kwdefaults, closure, name, qualname = _core.function_state(fn)
    # (a class body's function too: the VM checks its namespace slot whenever it runs)
    entry = ["f", e.code(code), e.item(defaults), e.item(kwdefaults), e.item(closure), name,
             qualname]
    attrs = _core.function_attrs(fn)
    meta = _core.function_meta(fn)
    if attrs is not None or meta is not None:
        entry.append(e.item(attrs))         # (f.calls = 0: its own dict, by reference)
    if meta is not None:
        entry.append(e.item(meta))          # (__doc__, __annotations__, __module__ set)
    return entry


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


def _enc_slot(e, m):
    receiver, owner, name = _core.slot_state(m)
    return ["W", e.item(owner if receiver is None else receiver), name]


def _enc_host_future(e, f):
    if not f.done:
        info = _core.future_info(f)
        if info is None:
            raise MontyError(f"cannot snapshot the pending result of async host function "
                             f"{f.name}()")
        # a call made under start(): its arguments, waiting for the host's answer
        name, args, kwargs, call_id = info
        return ["HP", name, e.item(args), e.item(kwargs), call_id]
    return ["HF", f.name, e.item(f.value), e.item(f.error)]


def _enc_generator(e, g):
    code, func, saved, pc, nstack, state, handled, outer, name, qualname = _core.generator_state(g)
    return ["G", e.code(code), e.item(func), None if saved is None else e.items(saved), pc, nstack,
            state, e.item(handled), e.item(outer), name, qualname]


_CLASS_SKIP = frozenset(["__dict__", "__weakref__", "__slots__", "__qualname__"])
_DC_SKIP = frozenset(["__dataclass_params__", "__dataclass_fields__", "__match_args__"])
_DC_METHODS = frozenset("""__init__ __repr__ __eq__ __lt__ __le__ __gt__ __ge__ __hash__
__setattr__ __delattr__ __getstate__ __setstate__""".split())
_MEMBER = type(type("_Probe", (), {"__slots__": ("x",)}).__dict__["x"])


def _slot_names(cls):
    slots = cls.__dict__.get("__slots__")
    if slots is None:
        return None
    return [slots] if isinstance(slots, str) else list(slots)


def _is_namedtuple_base(cls):
    d = cls.__dict__
    return (cls.__bases__ == (tuple,) and "_make" in d and type(d.get("_fields")) is tuple
            and type(d.get("_make")) is classmethod)


def _enc_class(e, cls):
    d = cls.__dict__
    if _is_namedtuple_base(cls):
        defaults = cls._field_defaults
        return ["NT", cls.__name__, list(cls._fields),
                e.items([defaults[f] for f in cls._fields if f in defaults])]
    if type(cls) is not type or "__monty_class__" not in d:
        raise MontyError(f"cannot snapshot the class {cls.__name__!r}")
    for klass in cls.__mro__:
        if klass in _core._DC_HOST_CLASS:
            # (on load it could not cross back out as the host's class)
            raise MontyError(f"cannot snapshot the class {cls.__name__!r}: it stands for a host "
                             f"dataclass")
    params = d.get("__dataclass_params__")
    slots = _slot_names(cls)
    keys = []
    values = []
    for k, v in d.items():
        if k in _CLASS_SKIP or (slots is not None and type(v) is _MEMBER and k in slots):
            continue
        if params is not None and (k in _DC_SKIP or (k == "__hash__" and v is None) or (
                k in _DC_METHODS and type(v) is _types.FunctionType)):
            continue
        keys.append(k)
        values.append(v)
    dc = None
    if params is not None:
        if slots is not None:
            raise MontyError(f"cannot snapshot the dataclass {cls.__name__!r} with slots")
        own = d.get("__annotations__", {})
        fields = []
        for f in d["__dataclass_fields__"].values():
            if f.name not in own or f._field_type is not _dc._FIELD:
                continue
            fields.append([f.name, e.item(f.default) if f.default is not _dc.MISSING else [-1],
                           e.item(f.default_factory) if f.default_factory is not _dc.MISSING
                           else [-1], bool(f.init), bool(f.repr), e.item(f.hash), bool(f.compare),
                           bool(f.kw_only), e.item(dict(f.metadata)) if f.metadata else None])
        dc = [[bool(getattr(params, k)) for k in _DC_PARAMS], "__match_args__" in d, fields]
    return ["K", cls.__name__, cls.__qualname__, e.items(cls.__bases__), e.items(keys),
            e.items(values), slots, dc]


_DC_PARAMS = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")
_INSTANCE_BASES = ((BaseException, "exc"), (list, "list"), (dict, "dict"), (set, "set"),
                   (frozenset, "frozenset"), (tuple, "tuple"), (bool, None), (int, "int"),
                   (float, "float"), (str, "str"), (bytes, "bytes"))


def _need_dump(ok, cls):
    if not ok:
        raise MontyError(f"cannot snapshot an instance of {cls.__name__!r}")


def _enc_instance(e, obj):
    cls = type(obj)
    for klass in cls.__mro__:
        if not (klass is object or klass in _core._BASE_TYPES or _core.is_registered_class(klass)):
            raise MontyError(f"cannot snapshot an instance of {cls.__name__!r} (a subclass of "
                             f"{klass.__name__!r})")
    kind = "obj"
    state = None
    # (only C-level reads: an isinstance() or attribute read could run the class's own
    # __class__, __getattribute__... on the host, outside any run)
    for base, k in _INSTANCE_BASES:
        if issubclass(cls, base):
            kind = k
            break
    if kind is None:
        raise MontyError(f"cannot snapshot an instance of {cls.__name__!r}")
    if kind == "exc":
        state = [e.item(BaseException.args.__get__(obj)),
                 e.item(BaseException.__cause__.__get__(obj)),
                 e.item(BaseException.__context__.__get__(obj)),
                 bool(BaseException.__suppress_context__.__get__(obj))] + _enc_group(e, obj)
    elif kind in ("list", "set", "frozenset", "tuple"):
        state = e.items(list(getattr(base, "__iter__")(obj)))
    elif kind == "dict":
        state = [e.items(list(dict.keys(obj))), e.items(list(dict.values(obj)))]
    elif kind == "int":
        state = e.item(int.__index__(obj))
    elif kind == "float":
        state = float.__float__(obj)
    elif kind == "str":
        state = str.__str__(obj)
    elif kind == "bytes":
        state = bytes.__bytes__(obj)
    attrs = _core.instance_dict(obj)
    if attrs is not None:
        _need_dump(type(attrs) is dict, cls)
        attrs = [e.items(list(attrs.keys())), e.items(list(attrs.values()))]
    slots = []
    for klass in cls.__mro__:
        names = _slot_names(klass) if _core.is_registered_class(klass) else None
        for name in names or ():
            desc = klass.__dict__.get(name)
            if type(desc) is _MEMBER:
                try:
                    slots.append([e.item(klass), name, e.item(desc.__get__(obj, cls))])
                except AttributeError:
                    pass
    return ["o", e.item(cls), kind, state, attrs, slots]


ENCODERS = {
    _core.Generator: _enc_generator,
    _core.Coroutine: _enc_generator,
    _core.AsyncGenerator: _enc_generator,
    _core.HostFuture: _enc_host_future,
    _core.GenMethod: lambda e, m: ["GM", e.item(m.gen), m.name],
    _core.AsyncGenValue: lambda e, v: ["AV", e.item(v.value)],
    _core.CoroWrapper: lambda e, w: ["CW", e.item(w.coro)],
    property: lambda e, p: ["P", e.item(p.fget), e.item(p.fset), e.item(p.fdel), e.item(p.__doc__)],
    staticmethod: lambda e, m: ["SM", e.item(m.__func__)],
    classmethod: lambda e, m: ["CM", e.item(m.__func__)],
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
    _core.HostFunction: lambda e, h: ["H", h.name, True] if h.is_async else ["H", h.name],
    _core.Code: lambda e, c: ["c", e.code(c)],
    _policy.BoundWrapper: _enc_wrapper,
    _core.SlotMethod: _enc_slot,
    _policy.OpaqueType: lambda e, t: ["O", t.__name__],
}
for _t in _DICT_VIEWS.values():
    ENCODERS[_t] = lambda e, v: ["V", _VIEW_KIND[type(v)], e.ref(_core.view_mapping(v))]


# immutable stdlib values (exact types; a sandbox subclass's instance is an "o" entry)

def _enc_datetime(e, v):
    return ["DT", v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond,
            e.item(v.tzinfo), v.fold]


def _enc_timezone(e, tz):
    args = _std_dt.timezone.__getinitargs__(tz)      # (offset,) or (offset, name)
    return ["Tz", e.item(args[0]), args[1] if len(args) > 1 else None]


def _enc_fraction(e, f):
    return ["Fr", e.item(_FR_NUM(f)), e.item(_FR_DEN(f)), type(f) is _std_fractions.Fraction]


import datetime as _std_dt       # noqa: E402
import fractions as _std_fractions   # noqa: E402
import uuid as _std_uuid         # noqa: E402

_FR_NUM = _std_fractions.Fraction.__dict__["_numerator"].__get__
_FR_DEN = _std_fractions.Fraction.__dict__["_denominator"].__get__

ENCODERS.update({
    _std_dt.date: lambda e, v: ["Dd", v.year, v.month, v.day],
    _std_dt.datetime: _enc_datetime,
    _std_dt.time: lambda e, v: ["Dt", v.hour, v.minute, v.second, v.microsecond,
                                e.item(v.tzinfo), v.fold],
    _std_dt.timedelta: lambda e, v: ["Td", v.days, v.seconds, v.microseconds],
    _std_dt.timezone: _enc_timezone,
    _std_fractions.Fraction: _enc_fraction,
    _std_uuid.UUID: lambda e, v: ["U", format(v.int, "032x")],
})
ENCODERS[_core.ModuleGlobals] = lambda e, v: ["MG"]     # globals(): the loading sandbox's


def _enc_compiled(e, v):
    code, filename = _core.compiled_code_parts(v)
    return ["CC", e.code(code), filename]


def _dec_compiled(d, entry):
    path, filename = _args(entry, 2)
    return _core.make_compiled_code(d.sandbox._vm, d.code(path), _str(filename))


ENCODERS[_core.CompiledCode] = _enc_compiled               # compile()'s code objects
for _t in _core.EXPOSED_EXCEPTIONS:
    ENCODERS[_t] = _enc_exception
for _t in _core.SANDBOX_ITER_TYPES:
    ENCODERS[_t] = _enc_iter


def _module_entry(code):
    """A module code's snapshot entry: its source; for code sandbox code compiled (exec,
    eval, compile), [source, mode, file name], recompiled that way on load."""
    mode = code.spec.get("exec_mode")
    if mode is None:
        return code.source
    return [code.source, mode, code.filename]


def _compile_entry(source):
    """The unlinked module code of a snapshot's module entry (see _module_entry)."""
    from ._shared import code_cache as _code_cache
    if type(source) is list:
        _need(len(source) == 3 and all(type(x) is str for x in source)
              and source[1] in ("exec", "eval", "single"), "bad module entry")
        return _code_cache.get_exec(source[0], source[1], source[2])
    _need(type(source) is str, "bad module entry")
    return _code_cache.get(source, internal=_modules().internal_source(source))


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


def _module_state(name, module, vm=None, enc=None):
    """Extra state of an imported module that re-importing does not restore (a module file
    may keep per-sandbox state in `vm.module_state[NAME]`, saved by its `dump_state(state)` as
    plain data and put back by its `load_state(vm, data)`)."""
    hosts = vm.host_modules if vm is not None else None
    if hosts is not None and name in hosts.spec and enc is not None:
        # a host module's data values, by reference: a global that holds one stays the same
        # object, and changes the program made to a list it holds survive the snapshot
        spec = hosts.spec[name]
        return ["host", [[attr, enc.item(value)] for attr, value in module._attrs.items()
                         if attr in spec and type(value) is not _core.HostFunction]]
    states = vm.module_state if vm is not None else None
    if states is not None and name in states:
        mod = _modules()._FILES.get(name)
        if mod is not None and hasattr(mod, "dump_state"):
            return mod.dump_state(states[name])
    if name == "contextvars" and enc is not None and vm is not None and (
            vm.context_state is not None):
        # the current context: values the program set, held by reference (restored once
        # every value exists, see _restore_objects_state)
        return ["ctx", enc.item(vm.context_state.current)]
    if name == "random":
        rng = getattr(module._attrs.get("random"), "__self__", None)
        if rng is not None:
            version, internal, gauss = rng.getstate()
            return [version, list(internal), gauss]
    return None


def _dump_state(call):
    sandbox = call._sandbox
    state = _core.vm_export(sandbox._vm)
    enc = _Encoder(_code_paths(state["modules"]))
    imported = []
    enc.imported = state["imported"]
    for name, module in state["imported"].items():
        imported.append([name, _module_state(name, module, sandbox._vm, enc)])
        for attr, value in module._attrs.items():
            if not isinstance(value, _LEAVES):
                enc.module_attr.setdefault(id(value), (name, attr))
    frames = []
    for code, func, pc, base, ret, sp, is_gen, resume, instance in state["frames"]:
        frames.append([enc.code(code), enc.item(func), pc, base, ret, sp, bool(is_gen), resume,
                       enc.item(instance)])
    gl = enc.items(state["globals"])
    stack = enc.items(state["stack"])
    handled = enc.item(state["handled"])
    pending = state["pending_call"]
    if sandbox._vm.pause_kind == _PAUSE_WAIT:
        call_item = [pending[0], enc.item(pending[1])]     # the futures every task awaits
    else:
        name, args, kwargs, call_id = pending
        call_item = [name, enc.item(args), enc.item(kwargs), call_id]
    enc.run()
    modules = [_module_entry(m) for m in enc.modules]
    doc = [MAGIC, VERSION, modules, state["slot_names"], gl, stack, frames, handled, call_item,
           float(call._elapsed), enc.entries, imported, sandbox._vm.max_depth,
           sandbox._vm.call_seq]
    try:
        return _encoder.encode(doc)
    except (TypeError, ValueError, OverflowError) as e:
        raise MontyError(f"cannot snapshot the paused program: {e}") from None


def _dump_idle(sandbox):
    """Sandbox.dump: an idle sandbox's globals, with the code, classes and modules they use.

    [IDLE_MAGIC, VERSION, modules, slot_names, globals, objects, imported, recursion limit,
     call counter]; the host functions the Sandbox was given are left out (load() binds the
    ones it is given), a sandbox global that holds one under another name is kept ("H")."""
    vm = sandbox._vm
    state = _core.vm_idle_state(vm)
    enc = _Encoder(_code_paths(state["modules"]))
    imported = []
    enc.imported = state["imported"]
    for name, module in state["imported"].items():
        imported.append([name, _module_state(name, module, vm, enc)])
        for attr, value in module._attrs.items():
            if not isinstance(value, _LEAVES):
                enc.module_attr.setdefault(id(value), (name, attr))
    gl = list(state["globals"])
    names = state["slot_names"]
    for i, value in enumerate(gl):
        if (type(value) is _core.HostFunction and value.name == names[i]
                and names[i] in sandbox._functions):
            gl[i] = _NULL
    gl = enc.items(gl)
    enc.run()
    modules = [_module_entry(m) for m in enc.modules]
    doc = [IDLE_MAGIC, VERSION, modules, names, gl, enc.entries, imported, vm.max_depth,
           vm.call_seq]
    try:
        return _encoder.encode(doc)
    except (TypeError, ValueError, OverflowError) as e:
        raise MontyError(f"cannot save the sandbox: {e}") from None


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
        self.generators = []          # (generator, unlinked code) to check once filled
        self.classes = []             # (class, entry) in creation order: filled first
        self.classes_done = 0
        self.dataclasses = []         # (class, (options, fields)) to re-process at the end
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
        while self.fill or self.classes_done < len(self.classes):
            # classes first, bases before subclasses (a dataclass needs its bases' fields)
            while self.classes_done < len(self.classes):
                cls, entry = self.classes[self.classes_done]
                self.classes_done += 1
                _fill_class(self, cls, entry)
            if self.fill:
                obj, entry = self.fill.pop()
                FILLERS[entry[0]](self, obj, entry)
        # dataclasses once every value exists (their annotations, defaults), bases first
        for cls, spec in self.dataclasses:
            _finish_dataclass(self, cls, spec)
        for it, count in self.dict_iters:
            _core.dict_iter_seek(it, count)


def _args(entry, n):
    _need(len(entry) == n + 1, f"bad {entry[0]!r} entry")
    return entry[1:]


def _str(x, what="name"):
    _need(type(x) is str and len(x) <= 1000, f"bad {what}")
    return x


def _shell_exception(d, entry):
    _need(type(entry) is list and len(entry) in (7, 9), "bad exception")
    cls = _EXC_TYPES.get(entry[1])
    _need(cls is not None, f"unknown exception type {entry[1]!r}")
    if len(entry) == 9:
        return _new_group(d, cls, entry[7:])
    args = d.item(entry[2])
    _need(type(args) is tuple, "exception args must be a tuple")
    return cls(*args)


def _fill_exception(d, exc, entry):
    name, args, cause, context, suppress, tb = entry[1:7]
    if len(entry) == 9:
        args = d.item(args)
        _need(type(args) is tuple, "exception args must be a tuple")
        BaseException.args.__set__(exc, args)
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


_CLASS_FORBIDDEN = frozenset(["__class__", "__dict__", "__weakref__", "__bases__", "__mro__",
                              "__name__", "__qualname__", "__slots__", "__base__", "__basicsize__"])


# names a class statement never leaves in a class namespace (create_class drops them): a
# finalizer would run sandbox code whenever CPython frees an instance, outside any run
_CLASS_DROPPED = frozenset(["__del__"])


def _allowed_base(b):
    return isinstance(b, type) and (_core.is_registered_class(b) or b in _core._BASE_TYPES
                                    or b in _modules().TYPES)


_NO_INIT_SUBCLASS = classmethod(lambda cls, **kwargs: None)


def _shell_class(d, entry):
    name, qualname, bases, keys, values, slots, dc = _args(entry, 7)
    _need(type(name) is str and name.isidentifier() and type(qualname) is str
          and len(qualname) < 1000, "bad class name")
    bases = tuple(d.items(bases))
    _need(bases and all(_allowed_base(b) and type(b) is type for b in bases), "bad class bases")
    # a base's __init_subclass__ ran when the class was made (what it did is in the snapshot):
    # type() must not run it again, so a base class of this snapshot that defines one has it
    # held back while type() runs; one of a class made elsewhere refuses the load
    shadowed = []
    for b in bases:
        for klass in b.__mro__:
            if "__init_subclass__" in klass.__dict__:
                if _core.is_registered_class(klass):
                    if not any(c is klass for c, _ in d.classes):
                        raise MontyError("cannot load a subclass of a class that defines "
                                         "__init_subclass__")
                    shadowed.append((klass, klass.__dict__["__init_subclass__"]))
                break
    ns = {"__module__": "__main__", "__qualname__": qualname, "__monty_class__": True}
    if slots is not None:
        _need(type(slots) is list and len(slots) < 1000 and all(
            type(x) is str and x.isidentifier() and x not in ("__dict__", "__weakref__")
            for x in slots), "bad class slots")
        ns["__slots__"] = tuple(slots)
    try:
        for klass, _ in shadowed:
            type.__setattr__(klass, "__init_subclass__", _NO_INIT_SUBCLASS)
        cls = type(name, bases, ns)
    except TypeError as e:
        raise _Bad(f"bad class: {e}") from None
    finally:
        for klass, hook in shadowed:
            type.__setattr__(klass, "__init_subclass__", hook)
    _core.register_class(cls)
    d.classes.append((cls, entry))
    return cls


def _fill_class(d, cls, entry):
    name, qualname, bases, keys, values, slots, dc = _args(entry, 7)
    keys = d.items(keys)
    values = d.items(values)
    _need(len(keys) == len(values), "bad class namespace")
    for k, v in zip(keys, values):
        _need(type(k) is str and k.isidentifier() and k not in _CLASS_FORBIDDEN
              and k not in _CLASS_DROPPED, "bad class attribute name")
        _need(v is not _NULL, "bad class attribute")
        type.__setattr__(cls, k, v)
    if dc is not None:
        d.dataclasses.append((cls, _decode_dataclass(d, dc)))


def _decode_dataclass(d, dc):
    """The dataclass options and own fields of a class entry (values resolved while the
    table is being filled)."""
    _need(type(dc) is list and len(dc) == 3 and type(dc[0]) is list
          and len(dc[0]) == len(_DC_PARAMS) and type(dc[2]) is list, "bad dataclass")
    params = dict(zip(_DC_PARAMS, (bool(x) for x in dc[0])))
    params["match_args"] = bool(dc[1])
    fields = []
    for row in dc[2]:
        _need(type(row) is list and len(row) == 9 and type(row[0]) is str
              and row[0].isidentifier() and row[0] not in _CLASS_FORBIDDEN, "bad dataclass field")
        fname, default, factory, init, rep, hsh, compare, kw_only, metadata = row
        opts = {"init": bool(init), "repr": bool(rep), "hash": d.item(hsh),
                "compare": bool(compare), "kw_only": bool(kw_only)}
        _need(opts["hash"] is None or type(opts["hash"]) is bool, "bad dataclass field")
        default = d.item(default, null=True)
        factory = d.item(factory, null=True)
        if default is not _NULL:
            opts["default"] = default
        if factory is not _NULL:
            opts["default_factory"] = factory
        if metadata is not None:
            metadata = d.item(metadata)
            _need(type(metadata) is dict, "bad dataclass field metadata")
            opts["metadata"] = metadata
        fields.append((fname, opts))
    return params, fields


def _finish_dataclass(d, cls, spec):
    params, fields = spec
    for fname, opts in fields:
        try:
            type.__setattr__(cls, fname, _dc.field(**opts))
        except (TypeError, ValueError) as e:
            raise _Bad(f"bad dataclass field: {e}") from None
    from .modules import dataclasses as _sandbox_dc
    try:
        _sandbox_dc.dataclass(cls, **params)
    except (TypeError, ValueError, AttributeError) as e:
        raise _Bad(f"bad dataclass: {e}") from None


def _dec_namedtuple(d, entry):
    name, fields, defaults = _args(entry, 3)
    _need(type(name) is str and name.isidentifier() and type(fields) is list and len(fields) < 1000
          and all(type(f) is str and f.isidentifier() and not f.startswith("_") for f in fields),
          "bad named tuple")
    defaults = d.items(defaults)
    _need(len(defaults) <= len(fields), "bad named tuple defaults")
    import collections
    try:
        cls = collections.namedtuple(name, fields, defaults=defaults or None)
    except (TypeError, ValueError) as e:
        raise _Bad(f"bad named tuple: {e}") from None
    cls.__module__ = "__main__"
    cls.__monty_class__ = True
    _core.register_class(cls)
    return cls


_IMMUTABLE_KINDS = {"tuple": tuple, "frozenset": frozenset, "int": int, "float": float,
                    "str": str, "bytes": bytes}
_MUTABLE_KINDS = {"obj": object, "list": list, "dict": dict, "set": set, "exc": BaseException}


def _shell_instance(d, entry):
    cls, kind, state, attrs, slots = _args(entry, 5)
    cls = d.item(cls)
    _need(_core.is_registered_class(cls), "an instance of a non-sandbox class")
    _need(type(kind) is str, "bad instance")
    base = _MUTABLE_KINDS.get(kind) or _IMMUTABLE_KINDS.get(kind)
    _need(base is not None and issubclass(cls, base), "bad instance kind")
    try:
        if kind in ("tuple", "frozenset"):
            return base.__new__(cls, d.items(state))
        if kind in _IMMUTABLE_KINDS:
            value = d.item(state)
            _need(type(value) is base, "bad instance value")
            return base.__new__(cls, value)
        if kind == "exc" and type(state) is list and len(state) == 6:
            return _new_group(d, cls, state[4:])
        if kind == "exc":
            # the builtin exception its layout comes from (OSError for class E(OSError,
            # ValueError)): BaseException.__new__ refuses such a class
            for klass in cls.__mro__:
                if klass in _core.EXPOSED_EXCEPTIONS:
                    return klass.__new__(cls)
        return base.__new__(cls)
    except (TypeError, ValueError) as e:
        raise _Bad(f"bad instance: {e}") from None


def _fill_instance(d, obj, entry):
    cls, kind, state, attrs, slots = _args(entry, 5)
    if kind == "exc":
        _need(type(state) is list and len(state) in (4, 6), "bad exception state")
        args, cause, context, suppress = state[:4]
        args = d.item(args)
        cause = d.item(cause)
        context = d.item(context)
        _need(type(args) is tuple, "exception args must be a tuple")
        _need(cause is None or isinstance(cause, BaseException), "bad __cause__")
        _need(context is None or isinstance(context, BaseException), "bad __context__")
        BaseException.args.__set__(obj, args)
        BaseException.__cause__.__set__(obj, cause)
        BaseException.__context__.__set__(obj, context)
        BaseException.__suppress_context__.__set__(obj, bool(suppress))
    elif kind == "list":
        list.extend(obj, d.items(state))
    elif kind == "set":
        set.update(obj, d.items(state))
    elif kind == "dict":
        _need(type(state) is list and len(state) == 2, "bad dict state")
        keys, values = d.items(state[0]), d.items(state[1])
        _need(len(keys) == len(values), "bad dict state")
        dict.update(obj, zip(keys, values))
    if attrs is not None:
        _need(type(attrs) is list and len(attrs) == 2, "bad instance attributes")
        keys, values = d.items(attrs[0]), d.items(attrs[1])
        _need(len(keys) == len(values) and all(type(k) is str for k in keys),
              "bad instance attributes")
        try:
            target = object.__getattribute__(obj, "__dict__")
        except AttributeError:
            raise _Bad("instance attributes on an object without __dict__") from None
        target.update(zip(keys, values))
    _need(type(slots) is list, "bad instance slots")
    for row in slots:
        _need(type(row) is list and len(row) == 3, "bad instance slot")
        klass, name, value = d.item(row[0]), _str(row[1]), d.item(row[2])
        _need(_core.is_registered_class(klass) and isinstance(obj, klass), "bad instance slot")
        desc = klass.__dict__.get(name)
        _need(type(desc) is _MEMBER, "bad instance slot")
        desc.__set__(obj, value)


def _fill_generator(d, g, entry):
    path, func, saved, pc, nstack, state, handled, outer, name, qualname = _args(entry, 10)
    code = d.code(path)
    func = d.item(func)
    if saved is not None:
        _need(type(saved) is list, "bad generator slots")
        saved = [d.item(x, null=True) for x in saved]
    handled = d.item(handled)
    outer = d.item(outer)
    _need(type(func) is _core.Function and all(type(x) is int for x in (pc, nstack, state)),
          "bad generator")
    try:
        _core.generator_set(g, code, func, saved, pc, nstack, state, handled, outer, _str(name),
                            _str(qualname))
    except (TypeError, ValueError) as e:
        raise _Bad(f"bad generator: {e}") from None
    d.generators.append((g, d.code(path, unlinked=True), saved))


def _dec_module(d, entry):
    (name,) = _args(entry, 1)
    module = _core.vm_import_module(d.sandbox._vm, _str(name))
    _need(module is not None, f"unknown module {name!r}")
    return module


def _dec_module_attr(d, entry):
    name, attr = _args(entry, 2)
    module = _dec_module(d, ["Mo", name])
    try:
        return module.get(_str(attr))
    except AttributeError:
        raise _Bad(f"module {name!r} has no attribute {attr!r}") from None


def _dec_generic_alias(d, entry):
    origin, args = (d.item(x) for x in _args(entry, 2))
    _need(isinstance(origin, type) and type(args) is tuple, "bad generic alias")
    return _types.GenericAlias(origin, args)


def _dec_property(d, entry):
    fget, fset, fdel, doc = (d.item(x) for x in _args(entry, 4))
    return property(fget, fset, fdel, doc)


def _dec_pending_future(d, entry):
    name, args, kwargs, call_id = _args(entry, 4)
    name = _str(name)
    args, kwargs = d.item(args), d.item(kwargs)
    _need(type(args) is tuple and type(kwargs) is dict and all(type(k) is str for k in kwargs)
          and type(call_id) is int and 0 < call_id < 1 << 62, "bad pending host call")
    try:
        args, kwargs = _core.to_host(args), _core.to_host(kwargs)
    except MontyTypeError:
        raise _Bad("a pending host call's arguments are not plain data") from None
    hf = d.hosts.get(name)
    if hf is not None and not hf.is_async:
        hf = d.hosts[name] = _core.HostFunction(name, hf.func, True)
    return _core.make_deferred_future(name, hf, args, kwargs, call_id)


def _dec_host_future(d, entry):
    name, value, error = _args(entry, 3)
    value, error = d.item(value), d.item(error)
    _need(error is None or isinstance(error, BaseException), "bad host future")
    return _core.make_host_future_value(_str(name), value, error)


def _dec_gen_method(d, entry):
    gen, name = _args(entry, 2)
    gen = d.item(gen)
    _need(isinstance(gen, _core.Generator) and name in (
        ("asend", "athrow", "aclose") if type(gen) is _core.AsyncGenerator
        else ("send", "throw", "close")), "bad generator method")
    return _core.make_gen_method(gen, name)


def _dec_coro_wrapper(d, entry):
    (coro,) = _args(entry, 1)
    coro = d.item(coro)
    _need(type(coro) is _core.Coroutine, "bad coroutine wrapper")
    return _core.make_coro_wrapper(coro)


def _dec_agen_value(d, entry):
    (value,) = _args(entry, 1)
    return _core.make_agen_value(d.item(value))


SHELLS = {
    "Q": _shell_collection,
    "G": lambda d, e: _core.make_generator_shell(d.sandbox._vm, d.code(e[1]).flags if len(e) > 1 else 0),
    "K": _shell_class,
    "o": _shell_instance,
    "L": lambda d, e: [],
    "D": lambda d, e: {},
    "S": lambda d, e: set(),
    "Y": lambda d, e: bytearray(),
    "C": lambda d, e: _core.make_cell(_NULL),
    "E": _shell_exception,
}

FILLERS = {
    "Q": _fill_collection,
    "G": _fill_generator,
    "K": lambda d, obj, e: None,          # classes are filled by _Decoder.finish
    "o": _fill_instance,
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
    attrs = meta = None
    if len(entry) == 9:
        meta = d.item(entry[8])
        _need(type(meta) is dict and all(k in ("__doc__", "__annotations__", "__module__")
                                         for k in meta), "bad function attributes")
        _need(type(meta.get("__annotations__", {})) is dict, "bad function annotations")
        entry = entry[:8]
    if len(entry) == 8:
        attrs = d.item(entry[7])
        _need(attrs is None and meta is not None or type(attrs) is dict and all(
            type(k) is str for k in attrs), "bad function attributes")
        entry = entry[:7]
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
    fn = _core.make_function_value(d.sandbox._vm, code, defaults, kwdefaults, closure,
                                   _str(name), _str(qualname))
    if attrs is not None:
        _core.set_function_attrs(fn, attrs)
    if meta is not None:
        _core.set_function_meta(fn, meta)
    return fn


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


def _sync_internal_modules(vm, imported):
    """A module written in sandbox Python was re-imported on load (its code ran again), then
    its globals were restored from the snapshot: its exported attributes are pointed back at
    those globals, so the module object and the module's own code see the same values (the
    classes and sentinels the paused program holds)."""
    files = _modules()._FILES
    for name, _ in imported:
        mod = files.get(name)
        if mod is None or not hasattr(mod, "SOURCE"):
            continue
        module = _core.vm_import_module(vm, name)
        for attr in getattr(mod, "EXPORTS", ()):
            try:
                module._attrs[attr] = vm.get_global(mod.PREFIX + attr)
            except KeyError:
                pass


def _slot_name_ok(s):
    """A global's name: an identifier, or a name the compiler makes (the hidden names of
    async code, an internal module's prefixed globals)."""
    if s.isidentifier() or s == "<module>":
        return True
    if s[:1] == "." and s[1:].isidentifier():
        return True
    head, dot, tail = s.rpartition(".")
    return bool(dot) and tail.isidentifier() and head + "." in _internal_prefixes()


def _internal_prefixes():
    from .modules import internal_module_prefixes
    return internal_module_prefixes()


def _dec_host(d, entry):
    _need(len(entry) in (2, 3), "bad 'H' entry")
    name = _str(entry[1])
    hf = d.hosts.get(name)
    if hf is None:
        if "." in name:
            raise MontyError(f"the snapshot needs host function {name!r}: pass module "
                             f"{name.rpartition('.')[0]!r} in load(modules=...)")
        raise MontyError(f"the snapshot needs host function {name!r}: pass it in load(functions=...)")
    if len(entry) == 3 and entry[2] is True and not hf.is_async:
        # an async host function (its calls give awaitables) passed without its function
        hf = d.hosts[name] = _core.HostFunction(name, hf.func, True)
    return hf


def _ints(values, what):
    _need(all(type(x) is int for x in values), f"bad {what}")


def _std_build(what, make):
    try:
        return make()
    except (TypeError, ValueError, OverflowError, ArithmeticError) as e:
        raise _Bad(f"bad {what}: {e}") from None


def _tz_item(d, x):
    tz = d.item(x)
    _need(tz is None or type(tz) is _std_dt.timezone or type(tz) is _sandbox_zoneinfo(),
          "bad tzinfo")
    return tz


def _sandbox_zoneinfo():
    from .modules import zoneinfo
    return zoneinfo.ZoneInfo


def _dec_date(d, entry):
    values = _args(entry, 3)
    _ints(values, "date")
    return _std_build("date", lambda: _std_dt.date(*values))


def _dec_datetime(d, entry):
    y, mo, day, h, mi, sec, us, tz, fold = _args(entry, 9)
    _ints((y, mo, day, h, mi, sec, us, fold), "datetime")
    tz = _tz_item(d, tz)
    return _std_build("datetime", lambda: _std_dt.datetime(y, mo, day, h, mi, sec, us, tz,
                                                           fold=fold))


def _dec_time(d, entry):
    h, mi, sec, us, tz, fold = _args(entry, 6)
    _ints((h, mi, sec, us, fold), "time")
    tz = _tz_item(d, tz)
    return _std_build("time", lambda: _std_dt.time(h, mi, sec, us, tz, fold=fold))


def _dec_timedelta(d, entry):
    values = _args(entry, 3)
    _ints(values, "timedelta")
    return _std_build("timedelta", lambda: _std_dt.timedelta(*values))


def _dec_timezone(d, entry):
    offset, name = _args(entry, 2)
    offset = d.item(offset)
    _need(type(offset) is _std_dt.timedelta and (name is None or (type(name) is str
                                                                  and len(name) < 1000)),
          "bad timezone")
    return _std_build("timezone", lambda: _std_dt.timezone(offset) if name is None
                      else _std_dt.timezone(offset, name))


def _dec_fraction(d, entry):
    num, den, exact = _args(entry, 3)
    num, den = d.item(num), d.item(den)
    _need(type(num) is int and type(den) is int and den > 0 and type(exact) is bool,
          "bad Fraction")
    import math
    _need(math.gcd(num, den) == 1, "bad Fraction")
    out = object.__new__(_std_fractions.Fraction if exact else _sandbox_fraction())
    _std_fractions.Fraction.__dict__["_numerator"].__set__(out, num)
    _std_fractions.Fraction.__dict__["_denominator"].__set__(out, den)
    return out


def _dec_uuid(d, entry):
    (text,) = _args(entry, 1)
    _need(type(text) is str and len(text) == 32, "bad UUID")
    return _std_build("UUID", lambda: _std_uuid.UUID(hex=text))


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
CHILD_FIELDS = {"T": (1,), "F": (1,), "f": (2, 3, 4, 7), "M": (1, 2), "i": (2,), "V": (2,),
                "W": (1,), "R": (1, 2, 3), "s": (1, 2, 3), "NT": (3,), "P": (1, 2, 3, 4),
                "SM": (1,), "CM": (1,), "GA": (1, 2), "Mo": (), "Ma": (), "DT": (8,),
                "Dt": (5,), "Tz": (1,), "Fr": (1, 2), "Xv": (), "MG": (), "CC": ()}

DECODERS = {
    "MG": lambda d, e: _core.vm_globals_view(d.sandbox._vm),
    "CC": lambda d, e: _dec_compiled(d, e),
    "HF": _dec_host_future,
    "HP": _dec_pending_future,
    "Dd": _dec_date,
    "DT": _dec_datetime,
    "Dt": _dec_time,
    "Td": _dec_timedelta,
    "Tz": _dec_timezone,
    "Fr": _dec_fraction,
    "U": _dec_uuid,
    "GM": _dec_gen_method,
    "AV": _dec_agen_value,
    "CW": _dec_coro_wrapper,
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
    "NT": _dec_namedtuple,
    "P": _dec_property,
    "SM": lambda d, e: staticmethod(d.item(_args(e, 1)[0])),
    "CM": lambda d, e: classmethod(d.item(_args(e, 1)[0])),
    "GA": _dec_generic_alias,
    "Mo": _dec_module,
    "Ma": _dec_module_attr,
    "Xv": _dec_module_value,
}


# ------------------------------------------------------------------ values of sandbox modules

import functools as _ft          # noqa: E402
import itertools as _std_itertools   # noqa: E402
#
# A module file declares how its own host-side values are kept (all optional):
#   SNAPSHOT        {type: (to plain data, from plain data)}    leaf values ("Xv")
#   SNAPSHOT_FIELDS {class: {attribute: check}}                 objects rebuilt field by field
#                   ("Xo": an empty object first, its fields filled once every entry exists, so
#                   cycles work); each check (below) is applied to the decoded value on load
#   SNAPSHOT_NAMED  {key: object}                               shared constants (sentinels,
#                   functions a module installs in sandbox classes), kept by key ("Xn")
#   SNAPSHOT_MADE   {factory name: (code, argument names)}      host closures a module function
#                   makes (contextmanager's wrapper): kept as the factory and its arguments,
#                   made again on load by the re-imported module's factory ("Xf")


def _defines_next(v):
    """An iterator: its type defines __next__ (read from the class dicts: no code runs)."""
    return any("__next__" in k.__dict__ for k in type(v).__mro__)


_FIELD_CHECKS = {
    "any": lambda v: v is not _NULL,
    "int": lambda v: type(v) is int,
    "int?": lambda v: v is None or type(v) is int,
    "count": lambda v: type(v) is int and 0 <= v < 1 << 62,
    "cost": lambda v: type(v) is int and 1 <= v <= 1 << 20,
    "bool": lambda v: type(v) is bool,
    "str": lambda v: type(v) is str,
    "list": lambda v: type(v) is list,
    "tuple": lambda v: type(v) is tuple,
    "dict": lambda v: type(v) is dict,
    "callable": callable,
    "callable?": lambda v: v is None or callable(v),
    "iter": _defines_next,
    "iter?": lambda v: v is None or _defines_next(v),
    # (a list is filled after the objects that hold it: only its type is known here; what
    # it holds is used by code that raises a sandbox TypeError/IndexError on a wrong shape)
    "node": lambda v: type(v) is list,
    "iters": lambda v: type(v) is list,
    "native": lambda v: v is None or type(v) in _NATIVE_ITERS.values(),
    "strs": lambda v: type(v) is tuple and all(type(x) is str for x in v),
    "paths": lambda v: type(v) is tuple and all(
        type(p) is tuple and all(type(x) is str for x in p) for p in v),
}


def _module_tables():
    """(fields by class, class by (module, name), named by id, named by (module, key),
    factories by code) from every module file's declarations."""
    if not _module_tables_cache:
        mods = _modules()
        mods._discover()
        fields, classes, named_id, named, made = {}, {}, {}, {}, {}
        for name, mod in mods._FILES.items():
            for cls, spec in getattr(mod, "SNAPSHOT_FIELDS", {}).items():
                assert all(c in _FIELD_CHECKS for c in spec.values()), cls
                fields[cls] = (name, tuple(spec.items()))
                classes[(name, cls.__name__)] = cls
            for key, obj in getattr(mod, "SNAPSHOT_NAMED", {}).items():
                named_id[id(obj)] = (name, key)
                named[(name, key)] = obj
            for factory, (code, argnames) in getattr(mod, "SNAPSHOT_MADE", {}).items():
                made[code] = (name, factory, argnames)
        _module_tables_cache[:] = [fields, classes, named_id, named, made]
    return _module_tables_cache


_module_tables_cache = []


def _enc_fields(e, obj):
    mod, spec = _module_tables()[0][type(obj)]
    values = []
    for attr, _ in spec:
        try:
            values.append(e.item(object.__getattribute__(obj, attr)))
        except AttributeError:
            values.append([-1])         # (deleted, as _GeneratorContextManager's arguments)
    return ["Xo", mod, type(obj).__name__, values]


def _shell_fields(d, entry):
    mod, cname, values = _args(entry, 3)
    cls = _module_tables()[1].get((mod, cname)) if type(mod) is str and type(
        cname) is str else None
    _need(cls is not None, "bad module object")
    _need(type(values) is list and len(values) == len(_module_tables()[0][cls][1]),
          "bad module object")
    try:
        return cls.__new__(cls)
    except TypeError as e:
        raise _Bad(f"bad module object: {e}") from None


def _fill_fields(d, obj, entry):
    mod, cname, values = _args(entry, 3)
    for (attr, check), x in zip(_module_tables()[0][type(obj)][1], values):
        value = d.item(x, null=True)
        if value is _NULL:
            continue
        _need(_FIELD_CHECKS[check](value), f"bad {mod}.{cname} field {attr}")
        object.__setattr__(obj, attr, value)


def _dec_named_value(d, entry):
    mod, key = _args(entry, 2)
    found = _module_tables()[3].get((mod, key), _MISSING) if type(mod) is str and type(
        key) is str else _MISSING
    _need(found is not _MISSING, "bad module constant")
    return found


def _enc_made(e, fn):
    mod, factory, argnames = _module_tables()[4][fn.__code__]
    cells = dict(zip(fn.__code__.co_freevars, fn.__closure__ or ()))
    return ["Xf", mod, factory, [e.item(cells[a].cell_contents) for a in argnames]]


def _dec_made(d, entry):
    mod, factory, args = _args(entry, 3)
    _need(type(mod) is str and type(factory) is str and type(args) is list, "bad module value")
    found = [k for k in _module_tables()[4].values() if k[0] == mod and k[1] == factory]
    _need(len(found) == 1 and len(found[0][2]) == len(args), "bad module value")
    args = [d.item(a) for a in args]
    _need(all(callable(a) for a in args), "bad module value")
    make = _dec_module_attr(d, ["Ma", mod, factory])
    return make(*args)


def _enc_partial(e, p):
    func, args, kwds, attrs = p.__reduce__()[2]
    if attrs:
        raise MontyError("cannot snapshot a functools.partial with attributes set on it")
    return ["Pa", type(p) is _ft.partialmethod, e.item(func), e.item(args), e.item(kwds or {})]


def _enc_partialmethod(e, p):
    return ["Pa", True, e.item(p.func), e.item(p.args), e.item(p.keywords)]


def _shell_partial(d, entry):
    method, func, args, kwds = _args(entry, 4)
    _need(type(method) is bool, "bad partial")
    if method:
        return object.__new__(_ft.partialmethod)
    return _ft.partial(_partial_shell)


def _partial_shell(*args, **kwargs):
    raise TypeError("a partial object being loaded was called")


def _fill_partial(d, p, entry):
    """Filled once every entry exists (its keywords dict may be filled after it: shared)."""
    method, func, args, kwds = _args(entry, 4)
    func, args, kwds = d.item(func), d.item(args), d.item(kwds)
    _need(type(args) is tuple and type(kwds) is dict, "bad partial")
    _need(callable(func) or (method and hasattr(type(func), "__get__")), "bad partial")
    if method:
        p.func, p.args, p.keywords = func, args, kwds
    else:
        _std_build("partial", lambda: p.__setstate__((func, args, kwds, None)))


def _enc_cached_property(e, p):
    return ["CP", e.item(p.func), p.attrname, p.__doc__ if type(p.__doc__) is str else None]


def _dec_cached_property(d, entry):
    func, attrname, doc = _args(entry, 3)
    func = d.item(func)
    _need(callable(func) and (attrname is None or (type(attrname) is str and len(attrname) < 1000))
          and (doc is None or type(doc) is str), "bad cached_property")
    p = _std_build("cached_property", lambda: _ft.cached_property(func))
    p.attrname = attrname
    p.__doc__ = doc
    return p


def _enc_super(e, s):
    return ["Su", e.item(s.__thisclass__), e.item(s.__self__)]


def _dec_super(d, entry):
    cls, obj = (d.item(x) for x in _args(entry, 2))
    _need(isinstance(cls, type) and (_core.is_registered_class(cls) or cls in _core._BASE_TYPES),
          "bad super()")
    return _std_build("super()", lambda: super(cls) if obj is None else super(cls, obj))


def _enc_pattern(e, p):
    return ["Rp", p.pattern, p.flags]


def _dec_pattern(d, entry):
    pattern, flags = _args(entry, 2)
    _need(type(pattern) in (str, bytes) and len(pattern) <= 100_000 and type(flags) is int,
          "bad re.Pattern")
    from .modules import re as _sre
    try:
        return _sre._compile(pattern, flags, d.sandbox._vm)
    except MontyError:
        raise
    except Exception as e:      # (re.error, the engine's own errors, a refused expansion)
        raise _Bad(f"bad re.Pattern: {type(e).__name__}") from None


def _enc_match(e, m):
    from .modules import re as _sre
    pattern, string, pos, endpos, regs, lastindex = _sre.match_state(m)
    return ["RM", e.item(pattern), e.item(string), pos, endpos, e.item(regs), lastindex]


def _dec_match(d, entry):
    pattern, string, pos, endpos, regs, lastindex = _args(entry, 6)
    from .modules import re as _sre
    try:
        return _sre.rebuilt_match(d.item(pattern), d.item(string), pos, endpos, d.item(regs),
                                  lastindex)
    except ValueError:
        raise _Bad("bad re.Match") from None


# CPython's combinatoric iterators (itertools' product/permutations/combinations run over
# pools it has checked): kept by their constructor arguments and their position
_NATIVE_ITERS = {"product": _std_itertools.product, "permutations": _std_itertools.permutations,
                 "combinations": _std_itertools.combinations,
                 "combinations_with_replacement": _std_itertools.combinations_with_replacement}
_NATIVE_NAME = {v: k for k, v in _NATIVE_ITERS.items()}


def _enc_native_iter(e, it):
    red = it.__reduce__()
    return ["Ni", _NATIVE_NAME[type(it)], e.item(red[1]), e.item(red[2] if len(red) > 2 else None)]


def _dec_native_iter(d, entry):
    kind, args, state = _args(entry, 3)
    cls = _NATIVE_ITERS.get(kind) if type(kind) is str else None
    args, state = d.item(args), d.item(state)
    _need(cls is not None and type(args) is tuple and (state is None or type(state) is tuple),
          "bad itertools state")
    if kind == "product":
        _need(all(type(p) is tuple for p in args) and len(args) <= 1 << 16, "bad itertools state")
    else:
        _need(len(args) == 2 and type(args[0]) is tuple and type(args[1]) is int
              and 0 <= args[1] <= max(len(args[0]), 1) * 2 and args[1] <= 1 << 16,
              "bad itertools state")

    def make():
        it = cls(*args)
        if state is not None:
            _need(all(type(x) in (int, bool, tuple) for x in state), "bad itertools state")
            it.__setstate__(state)
        return it
    return _std_build("itertools state", make)




def _dec_initvar(d, entry):
    (typ,) = _args(entry, 1)
    return _dc.InitVar(d.item(typ))


ENCODERS.update({
    _dc.InitVar: lambda e, v: ["IV", e.item(v.type)],
    _ft.partial: _enc_partial,
    _ft.partialmethod: _enc_partialmethod,
    _ft.cached_property: _enc_cached_property,
    super: _enc_super,
})
for _t in _NATIVE_ITERS.values():
    ENCODERS[_t] = _enc_native_iter
SHELLS["Xo"] = _shell_fields
FILLERS["Xo"] = _fill_fields
SHELLS["Pa"] = _shell_partial
FILLERS["Pa"] = _fill_partial
DECODERS.update({"CP": _dec_cached_property, "Su": _dec_super,
                 "Rp": _dec_pattern, "Ni": _dec_native_iter, "Xn": _dec_named_value,
                 "Xf": _dec_made, "IV": _dec_initvar, "RM": _dec_match})
CHILD_FIELDS.update({"CP": (1,), "Su": (1, 2), "Rp": (), "Ni": (2, 3),
                     "Xn": (), "Xf": (3,), "IV": (1,), "RM": (1, 2, 5)})


# ------------------------------------------------------------------ enum classes and members
#
# An enum class of the sandbox ("En") is rebuilt without re-running its class body or the
# metaclass (which would call the sandbox's _generate_next_value_ / __init__ outside a run):
# the class is made empty by type.__new__ with EnumType as metaclass, its members are made
# (their builtin mixin value, name) and put in the member tables at once, so that references
# to them ("EM": class, member name) resolve while the table is being read; the namespace and
# the members' attributes (`_value_`, what __init__ set) are filled afterwards. A composite
# Flag value that is no member ("EP") is made again by Flag's own _missing_.


def _sandbox_enum():
    from .modules import enum
    return enum


_ENUM_TABLES = ("_member_names_", "_member_map_", "_value2member_map_")


def _enum_base_value(member, mixin):
    if mixin is int:
        return int.__index__(member)
    if mixin is str:
        return str.__str__(member)
    if mixin is float:
        return float.__float__(member)
    return None


def _enc_enum_class(e, cls):
    en = _sandbox_enum()
    d = cls.__dict__
    for klass in cls.__mro__[1:]:
        if "__init_subclass__" in klass.__dict__ and _core.is_registered_class(klass):
            raise MontyError(f"cannot snapshot the class {cls.__name__!r}: its base "
                             f"{klass.__name__!r} defines __init_subclass__")
    mixin = en._mixin_type(cls)
    names = d["_member_names_"]
    mmap = d["_member_map_"]
    rows, aliases = [], []
    for name in names:
        m = mmap[name]
        attrs = _core.instance_dict(m) or {}
        rows.append([name, e.item(_enum_base_value(m, mixin)), e.items(list(attrs.keys())),
                     e.items(list(attrs.values()))])
    for name, m in mmap.items():
        if name not in names:
            aliases.append([name, m._name_])
    keys, values = [], []
    for k, v in d.items():
        if k in _CLASS_SKIP or k in _ENUM_TABLES or k in mmap or k == "__monty_class__":
            continue
        keys.append(k)
        values.append(v)
    return ["En", cls.__name__, cls.__qualname__, e.items(cls.__bases__), e.items(keys),
            e.items(values), rows, aliases]


def _shell_enum_class(d, entry):
    en = _sandbox_enum()
    name, qualname, bases, keys, values, rows, aliases = _args(entry, 7)
    _need(type(name) is str and name.isidentifier() and type(qualname) is str
          and len(qualname) < 1000 and type(rows) is list and type(aliases) is list,
          "bad enum class")
    bases = tuple(d.items(bases))
    _need(bases and all(isinstance(b, type) for b in bases), "bad enum class bases")
    for b in bases:
        _need(b in en._MIXINS or b in en._SHARED_BASES or (
            type(b) is en.EnumType and _core.is_registered_class(b)
            and not b.__dict__["_member_names_"]), "bad enum class bases")
        for klass in b.__mro__:
            if "__init_subclass__" in klass.__dict__ and _core.is_registered_class(klass):
                raise MontyError("cannot load a subclass of a class that defines "
                                 "__init_subclass__")
    _need(any(type(b) is en.EnumType for b in bases), "bad enum class bases")
    ns = {"__module__": "__main__", "__qualname__": qualname, "__monty_class__": True,
          "_member_names_": [], "_member_map_": {}, "_value2member_map_": {}}
    try:
        cls = type.__new__(en.EnumType, name, bases, ns)
        mixin = en._mixin_type(cls)
    except TypeError as ex:
        raise _Bad(f"bad enum class: {ex}") from None
    _core.register_class(cls)
    en._sandbox_bases().add(cls)
    members = {}
    for row in rows:
        _need(type(row) is list and len(row) == 4 and type(row[0]) is str
              and row[0].isidentifier() and row[0] not in members
              and row[0] not in _CLASS_FORBIDDEN and row[0] not in _ENUM_TABLES,
              "bad enum member")
        value = d.item(row[1])
        if mixin is object:
            _need(value is None, "bad enum member")
            member = object.__new__(cls)
        else:
            _need(type(value) is mixin, "bad enum member")
            member = mixin.__new__(cls, value)
        object.__setattr__(member, "_name_", row[0])
        members[row[0]] = member
        cls._member_names_.append(row[0])
        cls._member_map_[row[0]] = member
        type.__setattr__(cls, row[0], member)
    for row in aliases:
        _need(type(row) is list and len(row) == 2 and type(row[0]) is str and row[0].isidentifier()
              and row[0] not in members and row[0] not in _CLASS_FORBIDDEN
              and row[0] not in _ENUM_TABLES and row[1] in members, "bad enum alias")
        cls._member_map_[row[0]] = members[row[1]]
        type.__setattr__(cls, row[0], members[row[1]])
    return cls


def _fill_enum_class(d, cls, entry):
    name, qualname, bases, keys, values, rows, aliases = _args(entry, 7)
    keys, values = d.items(keys), d.items(values)
    _need(len(keys) == len(values), "bad enum class namespace")
    mmap = cls.__dict__["_member_map_"]
    for k, v in zip(keys, values):
        _need(type(k) is str and k.isidentifier() and k not in _CLASS_FORBIDDEN
              and k not in _CLASS_DROPPED and k not in _ENUM_TABLES and k not in mmap
              and k != "__monty_class__", "bad class attribute name")
        _need(v is not _NULL, "bad class attribute")
        type.__setattr__(cls, k, v)
    v2m = cls.__dict__["_value2member_map_"]
    for row in rows:
        member = mmap[row[0]]
        akeys, avalues = d.items(row[2]), d.items(row[3])
        _need(len(akeys) == len(avalues) and all(type(k) is str for k in akeys)
              and "_value_" in akeys, "bad enum member attributes")
        target = object.__getattribute__(member, "__dict__")
        target.update(zip(akeys, avalues))
        target["_name_"] = row[0]
        try:
            v2m.setdefault(target["_value_"], member)
        except TypeError:
            pass        # (an unhashable value: found by a scan, as when it was made)


def _enc_enum_member(e, m):
    cls = type(m)
    name = m.__dict__.get("_name_")
    if type(name) is str and cls.__dict__["_member_map_"].get(name) is m:
        return ["EM", e.item(cls), name]
    if issubclass(cls, _sandbox_enum().Flag) and type(m.__dict__.get("_value_")) is int:
        return ["EP", e.item(cls), e.item(m._value_)]
    raise MontyError(f"cannot snapshot an instance of {cls.__name__!r}")


def _dec_enum_member(d, entry):
    cls, name = _args(entry, 2)
    cls = d.item(cls)
    _need(type(cls) is _sandbox_enum().EnumType and _core.is_registered_class(cls)
          and type(name) is str, "bad enum member")
    member = cls.__dict__["_member_map_"].get(name)
    _need(member is not None, "bad enum member")
    return member


def _dec_enum_pseudo(d, entry):
    cls, value = _args(entry, 2)
    cls, value = d.item(cls), d.item(value)
    en = _sandbox_enum()
    _need(type(cls) is en.EnumType and _core.is_registered_class(cls)
          and issubclass(cls, en.Flag) and type(value) is int, "bad flag value")
    try:
        member = en.Flag.__dict__["_missing_"].__func__(cls, value)
    except MontyError:
        raise
    except Exception as ex:
        raise _Bad(f"bad flag value: {type(ex).__name__}") from None
    _need(isinstance(member, cls), "bad flag value")
    return member


SHELLS["En"] = _shell_enum_class
FILLERS["En"] = _fill_enum_class
DECODERS.update({"EM": _dec_enum_member, "EP": _dec_enum_pseudo})
CHILD_FIELDS.update({"EM": (1,), "EP": (1, 2)})


# ------------------------------------------------------------------ module exceptions
#
# An instance of an exception class a sandbox module exports (json.JSONDecodeError,
# decimal.InvalidOperation, base64's binascii.Error...): "Ex", its class by module and name,
# then what "E" keeps, and its attribute dict (the fields its __init__ set). It is made by
# BaseException.__new__ (no __init__ runs) and filled like a builtin exception.


def _enc_module_exception(e, exc, where):
    attrs = getattr(exc, "__dict__", None) or {}
    attrs = {k: v for k, v in attrs.items() if k != "__monty_tb__"}
    return (["Ex", where[0], where[1]] + _enc_exception(e, exc)[2:6]
            + [[[str(f[0]), int(f[1])] for f in getattr(exc, "__monty_tb__", None) or []],
               e.items(list(attrs.keys())), e.items(list(attrs.values()))])


def _shell_module_exception(d, entry):
    _need(len(entry) == 10, "bad exception")
    cls = _dec_module_attr(d, ["Ma", entry[1], entry[2]])
    _need(isinstance(cls, type) and issubclass(cls, BaseException)
          and cls in _modules().EXCEPTIONS | _modules().TYPES, "bad exception class")
    try:
        return BaseException.__new__(cls)
    except TypeError as ex:
        raise _Bad(f"bad exception: {ex}") from None


def _fill_module_exception(d, exc, entry):
    args = d.item(entry[3])
    _need(type(args) is tuple, "exception args must be a tuple")
    BaseException.args.__set__(exc, args)
    _fill_exception(d, exc, ["E", None, None] + entry[4:8])
    keys, values = d.items(entry[8]), d.items(entry[9])
    _need(len(keys) == len(values) and all(type(k) is str and k.isidentifier() for k in keys),
          "bad exception attributes")
    try:
        target = object.__getattribute__(exc, "__dict__")
    except AttributeError:
        raise _Bad("exception attributes on an object without __dict__") from None
    target.update(zip(keys, values))


def _dec_module_namedtuple(d, entry):
    mod, attr, items = _args(entry, 3)
    cls = _dec_module_attr(d, ["Ma", mod, attr])
    _need(isinstance(cls, type) and issubclass(cls, tuple)
          and type(cls.__dict__.get("_fields")) is tuple
          and type(cls.__dict__.get("_make")) is classmethod, "bad named tuple")
    items = d.items(items)
    _need(len(items) == len(cls._fields), "bad named tuple")
    return tuple.__new__(cls, items)


DECODERS["Xt"] = _dec_module_namedtuple
CHILD_FIELDS["Xt"] = (3,)
SHELLS["Ex"] = _shell_module_exception
FILLERS["Ex"] = _fill_module_exception


# ------------------------------------------------------------------ frame checks


_analysis_cache = {}


def _join(x, y):
    if len(x) != len(y):
        raise _Bad("inconsistent stack depths in the code")
    return tuple(a if a == b else ("m" if "m" in (a, b) else "a") for a, b in zip(x, y))


def _stack_kinds(code):
    """For each instruction, the kinds of the value-stack slots before it runs (the kinds of
    monty/opcodes.py: 'a' a value, 'm' a value or NULL, 'e' an exception...), computed from the
    stack signatures of the instruction table; an instruction whose inputs lack a kind the VM
    relies on is refused. Paths that meet are joined (different kinds: 'a')."""
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
            if h >= 0 and op not in O.CANNOT_RAISE:
                t, depth = handlers[h]
                if len(st) >= depth:        # (a `break` jump covered by the handler pops below it)
                    push(t, st[:depth] + ("e",))
            row = O.OPCODES[op]
            ck = _const_kind(consts[a]) if row.a == "const" else "a"
            try:
                if row.jump is not None:
                    push(a if row.a == "jump" else b, O.transfer(op, a, b, st, ck, jump=True))
                nxt = O.transfer(op, a, b, st, ck)      # (a terminator's inputs checked too)
                if op in O.TERMINATORS:
                    break
            except O.StackError as e:
                raise _Bad(f"{e} (instruction {i} of {code.qualname})") from None
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


def _const_kind(c):
    return "s" if type(c) is str else "t" if type(c) is tuple else "a"


_SLOT_TYPES = {"L": list, "S": set, "D": dict, "s": str, "t": tuple, "f": _core.Function}


def _check_slot(kind, v):
    if kind == "m":
        return
    _need(v is not _NULL, "empty value-stack slot")
    if kind == "i":
        # (an instance of a sandbox class is iterated through its __next__; FOR_ITER refuses
        # one without it)
        _need(_core.is_sandbox_iter(v) or _core.is_registered_class(type(v)),
              "an iterator slot holds a non-iterator")
    elif kind == "e":
        _need(isinstance(v, BaseException), "an exception slot holds a non-exception")
    elif kind == "h":
        _need(v is None or isinstance(v, BaseException), "a handler slot holds a non-exception")
    elif kind in _SLOT_TYPES:
        _need(type(v) is _SLOT_TYPES[kind], "a stack slot holds a value of the wrong type")


def _check_live(kinds, values, what):
    _need(len(kinds) == len(values), f"{what}: stack depth does not match the code")
    for kind, v in zip(kinds, values):
        _check_slot(kind, v)


def _check_closure_slots(code, func, slots, nlocals_at):
    """The cell and free-variable slots of a frame (or a suspended generator's saved slots)."""
    nlocals = code.nlocals
    for j in range(nlocals, code.nslots):
        _need(nlocals_at + j < len(slots) and type(slots[nlocals_at + j]) is _core.Cell,
              "a cell slot holds a non-cell")
    closure = _core.function_state(func)[3] or ()
    _need(len(closure) == code.nfree, "bad closure")
    for j in range(code.nfree):
        _need(slots[nlocals_at + nlocals + code.ncells + j] is closure[j], "bad free variable")


def _check_frames(frames, plain, stack, max_depth):
    """`plain`: each frame's code before linking (the same instructions, cached analysis)."""
    from . import opcodes as O
    call_ops = O.with_flag("pause")
    for_iter_ops = O.with_flag("resume-for")
    send_ops = O.with_flag("resume-send")
    gen_call_ops = O.with_flag("resume-call")
    _need(0 < len(frames) <= max_depth, "bad frame count")
    prev_base = 0
    prev_limit = 0
    running = set()
    for k, (code, func, pc, base, ret, sp, is_gen, resume, instance) in enumerate(frames):
        module = bool(code.flags & 4)
        _need(all(type(x) is int for x in (pc, base, ret, sp, resume)) and type(is_gen) is bool,
              "bad frame fields")
        _need(not _is_class_body(code) or (
            k > 0 and not is_gen and resume == O.PROTOCOL_BY_NAME["CLASS_BODY"]
            and 0 <= base < len(stack) and type(stack[base]) is dict),
            "a frame runs a class body outside its class statement")
        if k == 0:
            _need(module and func is None and base == -1 and ret == 0 and not is_gen
                  and instance is None and resume == 0, "bad module frame")
            _need(type(stack[0]) is _core.Code and stack[0] is code, "bad module frame slot")
            stack_base = 1
        else:
            _need(not module and type(func) is _core.Function
                  and _core.function_state(func)[0] is code, "bad function frame")
            _need(bool(code.flags & 8) == is_gen, "generator code runs only in a generator frame")
            if is_gen:
                _need(ret == prev_limit and base == ret + 1 and ret < len(stack),
                      "bad generator frame layout")
                g = stack[ret]
                _need(isinstance(g, _core.Generator) and id(g) not in running, "bad generator frame")
                gcode, gfunc, _, _, _, gstate = _core.generator_state(g)[:6]
                _need(gcode is code and gfunc is func and gstate == _GEN_RUNNING,
                      "bad generator frame")
                running.add(id(g))
                _need(all(v is _NULL for v in stack[frames[k - 1][5]:ret]),
                      "bad generator frame layout")
                caller_op = frames[k - 1][0].spec["instrs"][frames[k - 1][2] - 1][0]
                if resume == _RESUME_FOR_ITER:
                    _need(instance is None and caller_op in for_iter_ops
                          and stack[frames[k - 1][5] - 1] is g, "bad generator frame caller")
                elif resume == _RESUME_SEND:
                    _need(instance is None and caller_op in send_ops
                          and stack[frames[k - 1][5] - 1] is g, "bad generator frame caller")
                elif resume == _RESUME_CALL:
                    _need(caller_op in gen_call_ops, "bad generator frame caller")
                else:
                    _need(resume == _RESUME_DRAIN and type(instance) is list
                          and caller_op in gen_call_ops, "bad generator frame caller")
            else:
                _need(prev_base <= ret < prev_limit and ret + 1 <= base <= ret + 2,
                      "bad frame layout")
                _need(stack[ret] is func, "the frame's function is not at its call slot")
                if base == ret + 2:
                    _need(stack[ret + 1] is _NULL, "bad call slot")
                _need(0 <= resume < len(O.PROTOCOLS) and (instance is None or (
                    resume == 0 and _core.is_registered_class(type(instance)))),
                    "bad function frame")
                if resume:
                    # a protocol dunder's frame (a property getter, __str__, __add__...)
                    caller_op = frames[k - 1][0].spec["instrs"][frames[k - 1][2] - 1][0]
                    _need(caller_op in O.PROTOCOLS[resume].waits,
                          "a protocol frame above an instruction it does not answer")
            stack_base = base + code.nslots
            _need(stack_base <= len(stack), "bad frame layout")
            _check_closure_slots(code, func, stack, base)
        limit = stack_base + code.stacksize + 2
        _need(1 <= pc <= code.ninstrs, "instruction pointer outside the code")
        kinds = _stack_kinds(plain[k])
        nxt_gen = k + 1 < len(frames) and frames[k + 1][6] is True
        if nxt_gen and frames[k + 1][7] == _RESUME_CALL:
            # gen.send() from the loop: the call's slots are gone, its result not there yet
            _need(pc < len(kinds) and kinds[pc] is not None, "unreachable instruction")
            live = kinds[pc][:-1]
        elif nxt_gen and frames[k + 1][7] == _RESUME_SEND:
            # awaiting: the delegate on top, the value sent to it taken off
            _need(kinds[pc - 1] is not None, "unreachable instruction")
            live = kinds[pc - 1][:-1]
        elif nxt_gen:
            # resumed a generator (FOR_ITER) or drains one (a consumer CALL run again after)
            _need(kinds[pc - 1] is not None, "unreachable instruction")
            live = kinds[pc - 1]
        elif k + 1 < len(frames) and frames[k + 1][7] != 0:
            # a protocol dunder runs above: the instruction's inputs stay below its call slot,
            # or it answers a CALL in the call's slot
            proto = frames[k + 1][7]
            _need(type(proto) is int and 0 < proto < len(O.PROTOCOLS), "bad function frame")
            shape = O.PROTOCOLS[proto].waits.get(code.spec["instrs"][pc - 1][0])
            _need(shape is not None and frames[k + 1][4] == sp, "bad protocol frame caller")
            at = pc if shape == "call" else pc - 1
            _need(at < len(kinds) and kinds[at] is not None, "unreachable instruction")
            live = kinds[at][:-1] if shape == "call" else kinds[at]
        else:
            _need(code.spec["instrs"][pc - 1][0] in call_ops, "frame not paused at a call")
            top = frames[k + 1][4] if k + 1 < len(frames) else sp
            _need(top == sp, "bad saved stack top")
            _need(pc < len(kinds) and kinds[pc] is not None, "unreachable instruction")
            live = kinds[pc][:-1]            # the call's result is not on the stack yet
        _need(sp - stack_base == len(live) and sp < limit and sp <= len(stack),
              "stack depth does not match the code")
        for j, kind in enumerate(live):
            _check_slot(kind, stack[stack_base + j])
        prev_base = stack_base
        prev_limit = limit
    _need(frames[-1][5] == len(stack), "bad stack size")
    return running


def _check_generators(d, running):
    """Suspended and new generators: their saved slots against their code; a running one
    must be run by a frame."""
    from . import opcodes as O
    yield_ops = O.with_flag("yield")
    for g, plain, saved in d.generators:
        code, func, _, pc, nstack, state = _core.generator_state(g)[:6]
        _need(not _is_class_body(code), "a generator runs a class body")
        if state == _GEN_RUNNING:
            _need(id(g) in running, "a running generator without a frame")
        if state not in (_GEN_CREATED, _GEN_SUSPENDED):
            continue
        _check_closure_slots(code, func, saved, 0)
        if state == _GEN_SUSPENDED:
            _need(1 <= pc < code.ninstrs and code.spec["instrs"][pc - 1][0] in yield_ops,
                  "generator not suspended at a yield")
            kinds = _stack_kinds(plain)
            _need(kinds[pc] is not None, "unreachable instruction")
            _check_live(kinds[pc][:-1], saved[code.nslots:], "generator")


_GEN_CREATED, _GEN_SUSPENDED, _GEN_RUNNING, _GEN_FINISHED = _core.GEN_STATES
_RESUME_ENTRY, _RESUME_FOR_ITER, _RESUME_DRAIN, _RESUME_SEND, _RESUME_CALL = _core.RESUME_KINDS
_class_body_cache = {}


def _is_class_body(code):
    """Class body code keeps its namespace dict in fast slot 0 (LOAD_NAME/STORE_NAME rely on
    it): it only runs under BUILD_CLASS, never from a snapshot."""
    from . import opcodes as O
    hit = _class_body_cache.get(id(code))
    if hit is not None and hit[0] is code:
        return hit[1]
    ops = O.with_flag("class")
    result = any(row[0] in ops for row in code.spec["instrs"])
    if len(_class_body_cache) > 512:
        _class_body_cache.clear()
    _class_body_cache[id(code)] = (code, result)
    return result


def _restore_objects_state(d, vm, imported):
    """Module state held by reference (contextvars' current context), once the table is read."""
    hosts = vm.host_modules
    for name, mstate in imported:
        if type(mstate) is list and mstate[:1] == ["host"] and hosts is not None and (
                name in hosts.spec):
            _need(len(mstate) == 2 and type(mstate[1]) is list, "bad host module state")
            module = hosts.built.get(name)
            _need(module is not None, "bad host module state")
            for row in mstate[1]:
                _need(type(row) is list and len(row) == 2 and type(row[0]) is str,
                      "bad host module state")
                value = d.item(row[1])
                if row[0] in hosts.spec[name] and (
                        type(hosts.spec[name][row[0]]) is not _core.HostFunction):
                    module._attrs[row[0]] = value   # (a name the module no longer has: as given)
            continue
        if name == "contextvars" and type(mstate) is list and mstate[:1] == ["ctx"]:
            _need(len(mstate) == 2, "bad contextvars state")
            ctx = d.item(mstate[1])
            from .modules import contextvars as _cv
            _need(type(ctx) is _cv.Context and vm.context_state is not None,
                  "bad contextvars state")
            vm.context_state.current = ctx


def _restore_module_state(name, module, state, vm=None):
    if name == "random":
        _need(type(state) is list and len(state) == 3 and type(state[0]) is int
              and type(state[1]) is list and len(state[1]) == 625
              and all(type(x) is int for x in state[1])
              and (state[2] is None or type(state[2]) is float), "bad random state")
        rng = getattr(module._attrs.get("random"), "__self__", None)
        _need(rng is not None, "bad random module")
        try:
            rng.setstate((state[0], tuple(state[1]), state[2]))
        except (TypeError, ValueError, OverflowError) as e:
            raise _Bad(f"bad random state: {e}") from None
        return
    mod = _modules()._FILES.get(name)
    if mod is not None and hasattr(mod, "load_state") and vm is not None:
        try:
            mod.load_state(vm, state)
        except (TypeError, ValueError, OverflowError, ArithmeticError, KeyError) as e:
            raise _Bad(f"bad {name} state: {e}") from None
        return
    raise _Bad(f"unexpected state for module {name!r}")


def load(data, functions=None, limits=None, print_callback=None, secret=None, files=None,
         environ=None, modules=None):
    """The paused program in `data` (from `Call.dump` or `Pending.dump`), as a Call or Pending
    on a fresh Sandbox (given the host functions and host modules the program uses; with these
    mounts and environment: open files find their paths again in them)."""
    return _checked_load(_load, data, functions, limits, print_callback, secret,
                         dict(files=files, environ=environ), modules)


def load_sandbox(data, functions=None, limits=None, print_callback=None, secret=None,
                 files=None, environ=None, modules=None):
    """The idle sandbox in `data` (from `Sandbox.dump`), as a fresh Sandbox."""
    return _checked_load(_load_idle, data, functions, limits, print_callback, secret,
                         dict(files=files, environ=environ), modules)


def _checked_load(loader, data, functions, limits, print_callback, secret, options=None,
                  modules=None):
    if options:
        from .mounts import make_state
        make_state(**options)       # bad files/environ: the TypeError, not "invalid snapshot"
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
        return loader(data, functions, limits, print_callback, modules, **(options or {}))
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


def _rebuild(sandbox, functions, modules, imported, objects, bind_globals):
    """What both loaders do before decoding values: the host functions given (bound to their
    names when `bind_globals`; a saved idle sandbox's globals carry them), the module code
    compiled and linked, the imported modules re-imported with their extra state. Returns
    the decoder over `objects`."""
    from ._sandbox import _code_cache, _check_name
    vm = sandbox._vm
    hosts = {}
    for name, func in functions.items():
        _check_name("function", name)
        if func is not None and not callable(func):
            raise TypeError(f"host function {name!r} must be callable or None")
        sandbox._functions[name] = func
        hosts[name] = sandbox._hosts[name] = _core.HostFunction(name, func)
        if bind_globals:
            vm.set_global(name, hosts[name])
    hosts.update(sandbox._modules.hosts)     # host modules' functions, by dotted name
    codes = []
    unlinked = []
    for source in modules:
        try:
            compiled = _compile_entry(source)
        except MontyError as e:
            raise _Bad(f"module source does not compile: {e}") from None
        unlinked.append(compiled)
        codes.append(vm.link(compiled))
    for name, mstate in imported:
        module = _core.vm_import_module(vm, name)
        if module is None and name in _modules()._FILES:
            # a standard module this Sandbox was not given (os without files= or environ=)
            raise MontyError(f"the snapshot needs module {name!r}: pass the files= or "
                             f"environ= it was made with to load()")
        if module is None:
            raise MontyError(f"the snapshot needs host module {name!r}: pass it in "
                             f"load(modules=...)")
        _need(module is not None, f"unknown module {name!r}")
        if mstate is not None and not (name == "contextvars" and type(mstate) is list
                                       and mstate[:1] == ["ctx"]) and not (
                type(mstate) is list and mstate[:1] == ["host"]
                and name in sandbox._modules.spec):
            _restore_module_state(name, module, mstate, vm)
    d = _Decoder(objects, codes, sandbox, hosts)
    d.unlinked = unlinked
    return d


def _load(data, functions, limits, print_callback, host_modules=None, files=None, environ=None):
    from ._sandbox import Sandbox
    try:
        doc = _decoder.decode(data)
    except msgspec.DecodeError as e:
        raise MontyError(f"invalid snapshot: {e}") from None
    _need(type(doc) is list and len(doc) >= 2, "not a monty snapshot")
    _need(doc[0] == MAGIC, "not a monty snapshot")
    _need(doc[1] == VERSION, f"unsupported snapshot version {doc[1]!r} (this is {VERSION})")
    _need(len(doc) == 14, "not a monty snapshot")
    (_, _, modules, slot_names, gl, stack, frames, handled, call_item, elapsed, objects, imported,
     recursion_limit, call_seq) = doc
    _need(type(call_seq) is int and 0 <= call_seq < 1 << 62, "bad call counter")
    _need(type(recursion_limit) is int and recursion_limit > 0, "bad recursion limit")
    _need(type(imported) is list and all(type(r) is list and len(r) == 2 and type(r[0]) is str
                                         for r in imported), "bad imported modules")
    _need(type(modules) is list and all(type(m) in (str, list) for m in modules), "bad modules")
    _need(type(slot_names) is list and all(type(s) is str and _slot_name_ok(s) for s in slot_names)
          and len(set(slot_names)) == len(slot_names), "bad slot names")
    _need(type(gl) is list and len(gl) <= len(slot_names), "bad globals")
    _need(type(stack) is list and 0 < len(stack) < 1 << 20, "bad stack")
    _need(type(frames) is list and frames, "bad frames")
    _need(type(elapsed) is float and elapsed >= 0, "bad elapsed time")
    _need(type(call_item) is list and call_item and type(call_item[0]) is str, "bad pending call")
    waits = call_item[0] == ".host_pause"
    _need(len(call_item) == 2 if waits else (
        len(call_item) == 4 and type(call_item[3]) is int and 0 < call_item[3] <= call_seq),
        "bad pending call")

    functions = dict(functions or {})
    sandbox = Sandbox(functions=None, limits=limits, print_callback=print_callback, files=files,
                      environ=environ, modules=host_modules)
    vm = sandbox._vm
    _need(len(frames) <= sandbox.limits.max_recursion_depth, "too many frames")
    _core.vm_prepare_slots(vm, slot_names)
    d = _rebuild(sandbox, functions, modules, imported, objects, bind_globals=True)
    gvals = [d.item(x, null=True) for x in gl]
    svals = [d.item(x, null=True) for x in stack]
    fr = []
    plain = []
    for row in frames:
        _need(type(row) is list and len(row) == 9, "bad frame")
        path, func, pc, base, ret, sp, is_gen, resume, instance = row
        fr.append((d.code(path), d.item(func), pc, base, ret, sp, is_gen, resume,
                   d.item(instance)))
        plain.append(d.code(path, unlinked=True))
    handled_v = d.item(handled)
    if waits:
        futures = d.item(call_item[1])
    else:
        args = d.item(call_item[1])
        kwargs = d.item(call_item[2])
    d.finish()
    _restore_objects_state(d, vm, imported)
    _need(handled_v is None or isinstance(handled_v, BaseException), "bad handled exception")
    if waits:
        _need(type(futures) is list and futures and all(
            type(f) is _core.HostFuture for f in futures) and any(
            _core.future_info(f) is not None for f in futures), "bad pending futures")
    else:
        _need(type(args) is tuple and type(kwargs) is dict, "bad pending call")
    running = _check_frames(fr, plain, svals, sandbox.limits.max_recursion_depth)
    _check_generators(d, running)
    if waits:
        pending = (call_item[0], futures)
    else:
        try:
            args = _core.to_host(args)
            kwargs = _core.to_host(kwargs)
        except MontyTypeError:
            raise _Bad("the pending call's arguments are not plain data") from None
        pending = (call_item[0], args, kwargs, call_item[3])
    _core.vm_import(vm, fr, svals, gvals, handled_v, pending)
    _sync_internal_modules(vm, imported)
    if waits:
        _core.vm_set_pending_wait(vm, futures)
    vm.call_seq = call_seq
    vm.set_recursion_limit(recursion_limit)    # (a limit sys.setrecursionlimit lowered)
    vm.pause_mode = True
    sandbox._pause_token += 1
    return _paused(sandbox, elapsed, modules[0] if modules else None)


def _load_idle(data, functions, limits, print_callback, host_modules=None, files=None,
               environ=None):
    from ._sandbox import Sandbox
    try:
        doc = _decoder.decode(data)
    except msgspec.DecodeError as e:
        raise MontyError(f"invalid snapshot: {e}") from None
    _need(type(doc) is list and len(doc) >= 2, "not a saved monty sandbox")
    if doc[0] == MAGIC:
        raise MontyError("invalid snapshot: this is a paused program (load it with monty.load)")
    _need(doc[0] == IDLE_MAGIC, "not a saved monty sandbox")
    _need(doc[1] == VERSION, f"unsupported snapshot version {doc[1]!r} (this is {VERSION})")
    _need(len(doc) == 9, "not a saved monty sandbox")
    _, _, modules, slot_names, gl, objects, imported, recursion_limit, call_seq = doc
    _need(type(recursion_limit) is int and recursion_limit > 0, "bad recursion limit")
    _need(type(call_seq) is int and 0 <= call_seq < 1 << 62, "bad call counter")
    _need(type(imported) is list and all(type(r) is list and len(r) == 2 and type(r[0]) is str
                                         for r in imported), "bad imported modules")
    _need(type(modules) is list and all(type(m) in (str, list) for m in modules), "bad modules")
    _need(type(slot_names) is list and all(type(s) is str and _slot_name_ok(s) for s in slot_names)
          and len(set(slot_names)) == len(slot_names), "bad slot names")
    _need(type(gl) is list and len(gl) <= len(slot_names), "bad globals")

    functions = dict(functions or {})
    sandbox = Sandbox(functions=None, limits=limits, print_callback=print_callback, files=files,
                      environ=environ, modules=host_modules)
    vm = sandbox._vm
    _core.vm_prepare_slots(vm, slot_names)
    d = _rebuild(sandbox, functions, modules, imported, objects, bind_globals=False)
    gvals = [d.item(x, null=True) for x in gl]
    d.finish()
    _restore_objects_state(d, vm, imported)
    _check_generators(d, set())      # (an idle sandbox runs no generator)
    _core.vm_set_globals(vm, gvals)
    for name, hf in d.hosts.items():
        if "." in name:
            continue        # (a host module's function: reached through its module)
        i = slot_names.index(name) if name in slot_names else -1
        if i < 0 or i >= len(gvals) or gvals[i] is _NULL:
            vm.set_global(name, hf)
    vm.call_seq = call_seq
    vm.set_recursion_limit(recursion_limit)
    return sandbox
