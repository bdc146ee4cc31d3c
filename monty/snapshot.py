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
    from . import _limit_error, _runtime_error
    sandbox._pause_token += 1
    vm = sandbox._vm
    vm.pause_mode = True
    t0 = time.perf_counter()
    sandbox._arm_clock(elapsed, first)
    try:
        value = step()
    except _core.LimitExceeded as e:
        raise _limit_error(e, sandbox.limits, vm) from None
    except MontyError:
        raise
    except BaseException as e:
        if _core.vm_host_abort(vm):
            raise       # the host's own KeyboardInterrupt / SystemExit, not the sandbox's
        raise _runtime_error(e, source, vm) from None
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
        if _core.is_registered_class(t):
            return _enc_instance
        found = self.module_attr.get(id(obj))
        if t is _modules().SandboxModule and (found is None or obj.__name__ in self.imported):
            return lambda e, m: ["Mo", m.__name__]
        if found is not None:
            return lambda e, v: ["Ma", found[0], found[1]]
        if t is super:
            raise MontyError("cannot snapshot a super() object held by the paused program")
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
            [[str(n), int(l)] for n, l in tb]] + _enc_group(e, exc)


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
    if attrs is not None:
        entry.append(e.item(attrs))         # (f.calls = 0: its own dict, by reference)
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
    for klass in cls.__mro__[1:]:
        if "__init_subclass__" in klass.__dict__:
            if _core.is_registered_class(klass):
                # (re-creating the class on load would run that sandbox code)
                raise MontyError(f"cannot snapshot the class {cls.__name__!r}: its base "
                                 f"{klass.__name__!r} defines __init_subclass__")
            break
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


def _module_state(name, module, vm=None):
    """Extra state of an imported module that re-importing does not restore (a module file
    may keep per-sandbox state in `vm.module_state[NAME]`, saved by its `dump_state(state)` as
    plain data and put back by its `load_state(vm, data)`)."""
    states = vm.module_state if vm is not None else None
    if states is not None and name in states:
        mod = _modules()._FILES.get(name)
        if mod is not None and hasattr(mod, "dump_state"):
            return mod.dump_state(states[name])
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
        imported.append([name, _module_state(name, module, sandbox._vm)])
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
    modules = [m.source for m in enc.modules]
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
        imported.append([name, _module_state(name, module)])
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
    modules = [m.source for m in enc.modules]
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


def _shell_class(d, entry):
    name, qualname, bases, keys, values, slots, dc = _args(entry, 7)
    _need(type(name) is str and name.isidentifier() and type(qualname) is str
          and len(qualname) < 1000, "bad class name")
    bases = tuple(d.items(bases))
    _need(bases and all(_allowed_base(b) and type(b) is type for b in bases), "bad class bases")
    for b in bases:
        for klass in b.__mro__:
            if "__init_subclass__" in klass.__dict__:
                if _core.is_registered_class(klass):
                    raise MontyError("cannot load a subclass of a class that defines "
                                     "__init_subclass__")
                break
    ns = {"__module__": "__main__", "__qualname__": qualname, "__monty_class__": True}
    if slots is not None:
        _need(type(slots) is list and len(slots) < 1000 and all(
            type(x) is str and x.isidentifier() and x not in ("__dict__", "__weakref__")
            for x in slots), "bad class slots")
        ns["__slots__"] = tuple(slots)
    try:
        cls = type(name, bases, ns)
    except TypeError as e:
        raise _Bad(f"bad class: {e}") from None
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
    attrs = None
    if len(entry) == 8:
        attrs = d.item(entry[7])
        _need(type(attrs) is dict and all(type(k) is str for k in attrs), "bad function attributes")
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
                "Dt": (5,), "Tz": (1,), "Fr": (1, 2), "Xv": ()}

DECODERS = {
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


def load(data, functions=None, limits=None, print_callback=None, secret=None):
    """The paused program in `data` (from `Call.dump` or `Pending.dump`), as a Call or Pending
    on a fresh Sandbox."""
    return _checked_load(_load, data, functions, limits, print_callback, secret)


def load_sandbox(data, functions=None, limits=None, print_callback=None, secret=None):
    """The idle sandbox in `data` (from `Sandbox.dump`), as a fresh Sandbox."""
    return _checked_load(_load_idle, data, functions, limits, print_callback, secret)


def _checked_load(loader, data, functions, limits, print_callback, secret):
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
        return loader(data, functions, limits, print_callback)
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
    from . import _code_cache, _check_name
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
    codes = []
    unlinked = []
    for source in modules:
        try:
            compiled = _code_cache.get(source, internal=_modules().internal_source(source))
        except MontyError as e:
            raise _Bad(f"module source does not compile: {e}") from None
        unlinked.append(compiled)
        codes.append(vm.link(compiled))
    for name, mstate in imported:
        module = _core.vm_import_module(vm, name)
        _need(module is not None, f"unknown module {name!r}")
        if mstate is not None:
            _restore_module_state(name, module, mstate, vm)
    d = _Decoder(objects, codes, sandbox, hosts)
    d.unlinked = unlinked
    return d


def _load(data, functions, limits, print_callback):
    from . import Sandbox
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
    _need(type(modules) is list and all(type(m) is str for m in modules), "bad modules")
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
    sandbox = Sandbox(functions=None, limits=limits, print_callback=print_callback)
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


def _load_idle(data, functions, limits, print_callback):
    from . import Sandbox
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
    _need(type(modules) is list and all(type(m) is str for m in modules), "bad modules")
    _need(type(slot_names) is list and all(type(s) is str and _slot_name_ok(s) for s in slot_names)
          and len(set(slot_names)) == len(slot_names), "bad slot names")
    _need(type(gl) is list and len(gl) <= len(slot_names), "bad globals")

    functions = dict(functions or {})
    sandbox = Sandbox(functions=None, limits=limits, print_callback=print_callback)
    vm = sandbox._vm
    _core.vm_prepare_slots(vm, slot_names)
    d = _rebuild(sandbox, functions, modules, imported, objects, bind_globals=False)
    gvals = [d.item(x, null=True) for x in gl]
    d.finish()
    _check_generators(d, set())      # (an idle sandbox runs no generator)
    _core.vm_set_globals(vm, gvals)
    for name, hf in d.hosts.items():
        i = slot_names.index(name) if name in slot_names else -1
        if i < 0 or i >= len(gvals) or gvals[i] is _NULL:
            vm.set_global(name, hf)
    vm.call_seq = call_seq
    vm.set_recursion_limit(recursion_limit)
    return sandbox
