"""`dataclasses` for sandbox code, on CPython's own implementation, fed only validated values.

CPython's dataclasses formats field names into source text and `exec`s it. Nothing of the
sandbox's reaches that code generation unchecked: every name is an exact `str` (never a
subclass, whose methods the sandbox chose) that is an identifier and not a keyword; the
annotations it reads are replaced by a read-only copy of exact values for the time of the
processing (sandbox code that runs meanwhile, e.g. a descriptor's `__get__`, cannot swap a
name in); base classes' fields are accepted only as the exact `Field` objects dataclasses made;
options are exact bools; the generated functions get empty globals (never a host module's);
the class docstring is computed from the generated `__init__` without `inspect` reading
sandbox text signatures. `asdict`/`astuple` copy leaves with the sandbox's own `copy`, never
CPython's pickle protocol.
"""

import abc as _abc
import dataclasses as _dc
import inspect as _inspect
import keyword
import sys as _sys
import threading as _threading
import types as _types
import weakref as _weakref
from types import FunctionType as _FunctionType, MappingProxyType as _MappingProxy
from types import MemberDescriptorType as _MemberDescriptor

from .. import policy as _policy
from . import _loops
from ._support import _core, charge, check_methods, is_sandbox_class, mark_sandbox_class, type_name

NAME = "dataclasses"
ATTRIBUTES = {_dc.Field: ("name", "type", "default", "default_factory", "init", "repr",
                          "hash", "compare", "metadata", "kw_only")}
EXCEPTIONS = (_dc.FrozenInstanceError,)

_type_dict = type.__dict__["__dict__"].__get__
_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_OPTIONS = ("init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only",
            "slots", "weakref_slot")
_METACLASSES = (type, _abc.ABCMeta)
# the module generated methods get as globals (and string annotations are looked up in):
# an empty one of this package's, never a host module the sandbox named in `__module__`
_NO_MODULE = "monty.modules._dataclass_globals"
_sys.modules.setdefault(_NO_MODULE, _types.ModuleType(_NO_MODULE))
_UNSET = object()


def _name(name, what="field name"):
    """`name` as an exact str identifier, or TypeError (str subclasses are refused: their
    methods and their text are the sandbox's)."""
    if type(name) is not str:
        raise TypeError(f"dataclass {what}s must be str, not {type_name(name)}")
    if not str.isidentifier(name) or keyword.iskeyword(name):
        raise TypeError(f"dataclass {what}s must be identifiers, not {str.__repr__(name)}")
    return name


def _annotation(value):
    """A str annotation as an exact str (dataclasses reads string annotations for ClassVar,
    InitVar and KW_ONLY); anything else as it is (only compared by identity and type)."""
    t = type(value)
    if t is not str and issubclass(t, str):
        return str.__str__(value)
    return value


def _check_base_fields(cls):
    """Every `__dataclass_fields__`/`__dataclass_params__` dataclasses will read from the
    MRO is one it made itself: exact dicts of exact Field objects with checked names."""
    for klass in cls.__mro__[1:]:
        d = _type_dict(klass)
        fields = d.get(_FIELDS)
        params = d.get(_PARAMS)
        if fields is None and params is None:
            continue
        if type(fields) is not dict or type(params) is not _dc._DataclassParams:
            raise TypeError(f"dataclass base {klass.__name__!r} has fields dataclass() did "
                            f"not make")
        for key, f in dict.items(fields):
            if type(f) is not _dc.Field or type(key) is not str or f.name is not key:
                raise TypeError(f"dataclass base {klass.__name__!r} has fields dataclass() "
                                f"did not make")
            _name(key)


def _check_class(cls):
    if not isinstance(cls, type) or type(cls) not in _METACLASSES or not is_sandbox_class(cls):
        raise TypeError("dataclass() should be called on a class defined in the sandbox")
    _name(type.__dict__["__name__"].__get__(cls), "class name")
    if type(type.__dict__["__qualname__"].__get__(cls)) is not str:
        raise TypeError("dataclass class qualnames must be str")
    _check_base_fields(cls)


_PLAIN_TRUTH = (int, float, str, bytes, tuple, list, dict, set, frozenset)


def _options(options):
    clean = {}
    for key, value in options.items():
        if key not in _OPTIONS:
            raise TypeError(f"dataclass() got an unexpected keyword argument {key!r}")
        if type(value) is not bool:
            if value is None or type(value) in _PLAIN_TRUTH:
                value = bool(value)     # (an exact builtin: its truth runs no sandbox code)
            else:
                raise TypeError(f"dataclass() argument {key!r} must be a bool, not "
                                f"{type_name(value)}")
        clean[key] = value
    return clean


def _text_signature(cls):
    """The signature part of the docstring CPython gives a dataclass without one, taken from
    the generated __init__ only (never from text or callables of the sandbox's)."""
    init = _type_dict(cls).get("__init__")
    if type(init) is not _FunctionType:
        return ""
    try:
        sig = _inspect.signature(init)
        params = list(sig.parameters.values())[1:]
        return str(sig.replace(parameters=params)).replace(" -> None", "")
    except (TypeError, ValueError):
        return ""


def _restore(cls, module, clean, need_doc, doc):
    if module is _UNSET:
        type.__delattr__(cls, "__module__")
    else:
        type.__setattr__(cls, "__module__", module)
    if clean is not None:
        type.__setattr__(cls, "__annotations__", dict(clean))
    if need_doc:
        type.__setattr__(cls, "__doc__", doc)


def _lookup(cls, name):
    """(True, raw value) of `name` found in the dicts of cls's MRO, or (False, None)."""
    for klass in cls.__mro__:
        d = _type_dict(klass)
        if name in d:
            return True, d[name]
    return False, None


def _pin_defaults(cls, names, saved):
    """Every annotated name whose class attribute is not an exact Field gets, in cls's own
    dict for the time of the processing, an exact Field holding the value `getattr(cls,
    name)` gives (as CPython's dataclasses would wrap it). dataclasses asks
    `isinstance(value, Field)`, which a sandbox object answers through its own `__class__`
    (or `__getattribute__`, or a descriptor's `__get__` returning a different object on the
    next read): a fake Field would bring a name of its choosing into the generated source.
    Records in `saved` what to put back afterwards."""
    for name in names:
        found, raw = _lookup(cls, name)
        if not found or type(raw) is _dc.Field:
            continue
        value = getattr(cls, name, _dc.MISSING)
        if type(value) is _dc.Field or value is _dc.MISSING or type(value) is _MemberDescriptor:
            pin = value
        else:
            pin = _dc.field(default=value)
        own = name in _type_dict(cls)
        saved.append((name, own, raw if own else None))
        type.__setattr__(cls, name, pin)


def _unpin_defaults(cls, saved):
    """Class attributes as CPython leaves them: a plain default stays what the class had."""
    for name, own, raw in saved:
        if own:
            type.__setattr__(cls, name, raw)
        elif name in _type_dict(cls):
            type.__delattr__(cls, name)


def _process(cls, options):
    _check_class(cls)
    d = _type_dict(cls)
    own = set(d)
    ann = d.get("__annotations__")
    clean = None
    if ann is not None:
        if type(ann) is not dict:
            raise TypeError("dataclass annotations must be a dict")
        clean = {}
        for key, value in dict.items(ann):
            clean[_name(key)] = _annotation(value)
    module = d.get("__module__", _UNSET)
    doc = d.get("__doc__")
    need_doc = not doc
    generated_init = False
    saved = []
    result = cls
    try:
        _pin_defaults(cls, list(clean or ()), saved)
        type.__setattr__(cls, "__module__", _NO_MODULE)
        if clean is not None:
            type.__setattr__(cls, "__annotations__", _MappingProxy(clean))
        if need_doc:
            type.__setattr__(cls, "__doc__", "-")
        result = _dc.dataclass(cls, **options)
        generated_init = "__init__" not in own and type(_type_dict(result).get("__init__")) \
            is _FunctionType
    finally:
        _restore(cls, module, clean, need_doc, doc)
        if result is cls:       # (slots=True dropped the class attributes of the fields)
            _unpin_defaults(cls, saved)
    if result is not cls:         # slots=True made a new class from cls's namespace
        _restore(result, module, clean, need_doc, doc)
        mark_sandbox_class(result)
    if need_doc:
        text = _text_signature(result) if generated_init else ""
        type.__setattr__(result, "__doc__", result.__name__ + text)
    return result


class _Nest(_threading.local):
    depth = 0       # generated methods running in this thread (nested calls were costed
                    # by the outermost)


_nest = _Nest()


def _costed(method, check):
    """A method dataclasses generated (host code, which the VM's clock never interrupts),
    behind a check of the whole work before the outermost call: the cost walk goes through
    sandbox instances' attributes, so a DAG of instances is refused like a list DAG."""
    def wrapper(self, *args):
        if _nest.depth == 0:
            check(self, *args)
        _nest.depth += 1
        try:
            return method(self, *args)
        finally:
            _nest.depth -= 1
    wrapper.__name__ = method.__name__
    wrapper.__qualname__ = method.__qualname__
    return wrapper


_CHECKS = {
    "__repr__": lambda self: _policy.precheck_walk(self, 5.0),
    "__hash__": lambda self: _policy.precheck_walk(self),
    **{name: lambda self, other: _policy.precheck_compare(self, other)
       for name in ("__eq__", "__lt__", "__le__", "__gt__", "__ge__")},
}


# ---------------------------------------------------------------- a pausable __init__
# CPython's generated __init__ calls default factories and __post_init__ from host code (a
# nested loop, where a host call cannot pause). A dataclass with either gets instead the
# __init__ of monty/modules/_sandbox/_loops_lib.py (dataclass_init), run by the VM: it binds
# its arguments through a host function with the generated signature (CPython's errors, and
# no sandbox code runs in it), then stores the fields, calls the factories and __post_init__
# as CPython's would, in the same order.

_binders = _weakref.WeakKeyDictionary()      # class -> (binder, factory marker)
_MARK = object()


def _binder(cls, std, kw_only, self_name):
    """A host function with the signature of the generated __init__ that only returns its
    arguments (names are checked identifiers; defaults are passed as values, never text)."""
    ns = {"__dataclass_mark__": _MARK}
    params = [self_name]

    def param(f):
        if f.default_factory is not _dc.MISSING:
            return f"{f.name}=__dataclass_mark__"
        if f.default is not _dc.MISSING:
            ns[f"__dataclass_dflt_{f.name}__"] = f.default
            return f"{f.name}=__dataclass_dflt_{f.name}__"
        return f.name
    params += [param(f) for f in std]
    if kw_only:
        params.append("*")
        params += [param(f) for f in kw_only]
    names = [f.name for f in std] + [f.name for f in kw_only]
    for name in names + [self_name]:
        _name(name)
    text = (f"def __create_fn__({', '.join(ns)}):\n"
            f" def __init__({', '.join(params)}):\n"
            f"  return ({''.join(n + ', ' for n in names)})\n"
            f" return __init__\n")
    scope = {}
    exec(text, {"__builtins__": {}}, scope)
    fn = scope["__create_fn__"](**ns)
    fn.__qualname__ = f"{cls.__qualname__}.__init__"
    return fn, tuple(names)


def bind_init(cls, self, args, kwargs):
    """{name: argument} of a call of the pausable __init__ of `cls` (a field whose default
    factory is to run is left out)."""
    entry = _binders.get(cls) if isinstance(cls, type) else None
    if entry is None or type(args) is not tuple or type(kwargs) is not dict:
        raise TypeError("bad dataclass __init__ call")
    binder, names = entry
    values = binder(self, *args, **kwargs)
    return {name: value for name, value in zip(names, values) if value is not _MARK}


def _pausable_init(cls, own, slots):
    """Give the dataclass cls the pausable __init__ when CPython's would call a default
    factory or __post_init__ (on a snapshot's load the class has it already: only the
    binder is made again)."""
    params = _type_dict(cls).get(_PARAMS)
    fields = _type_dict(cls).get(_FIELDS)
    if params is None or not params.init or type(fields) is not dict:
        return
    init_fields = [f for f in fields.values()
                   if type(f) is _dc.Field and f._field_type in (_dc._FIELD, _dc._FIELD_INITVAR)]
    post_init = hasattr(cls, "__post_init__")
    if not post_init and all(f.default_factory is _dc.MISSING for f in init_fields):
        return
    std = [f for f in init_fields if f.init and not f.kw_only]
    kw_only = [f for f in init_fields if f.init and f.kw_only]
    self_name = "__dataclass_self__" if "self" in fields else "self"
    _binders[cls] = _binder(cls, std, kw_only, self_name)
    if "__init__" in own or type(_type_dict(cls).get("__init__")) is not _FunctionType:
        return
    vm = _core.current_vm()
    if vm is None:
        return
    plan = []
    for f in init_fields:
        if f._field_type is _dc._FIELD_INITVAR:
            plan.append((f.name, 4, None))
        elif f.default_factory is not _dc.MISSING:
            plan.append((f.name, 1 if f.init else 2, f.default_factory))
        elif f.init:
            plan.append((f.name, 0, None))
        elif slots and f.default is not _dc.MISSING:
            plan.append((f.name, 3, f.default))
    initvars = tuple(f.name for f in init_fields if f._field_type is _dc._FIELD_INITVAR)
    make = _loops.function(vm, "dataclass_init")
    init = make(cls, tuple(plan), initvars, post_init, bool(params.frozen),
                f"{cls.__qualname__}.__init__")
    type.__setattr__(cls, "__init__", init)


def dataclass(cls=None, /, **options):
    """@dataclass and @dataclass(...), with CPython's options and behaviour."""
    options = _options(options)

    def wrap(klass):
        own = set(_type_dict(klass)) if isinstance(klass, type) else set()
        klass = _process(klass, options)
        _pausable_init(klass, own, options.get("slots", False))
        for name, check in _CHECKS.items():
            method = _type_dict(klass).get(name)
            if name not in own and isinstance(method, _FunctionType):
                type.__setattr__(klass, name, _costed(method, check))
        # the generated methods are host functions: `D.__init__(obj, v)` must not set
        # attributes of any object but an instance of D
        check_methods(klass)
        return klass
    if cls is None:
        return wrap
    return wrap(cls)


# ---------------------------------------------------------------- asdict / astuple
# CPython's versions copy every leaf with CPython's copy.deepcopy, whose pickle protocol
# (`__reduce_ex__` naming a callable and attributes to set on what it returns) is the
# sandbox's to steer; here leaves go through the sandbox's own copy module.

def _leaf_copy(obj):
    from . import copy as _copy
    return _copy.deepcopy(obj)


def _asdict_inner(obj, dict_factory):
    charge(1)
    if _dc._is_dataclass_instance(obj):
        result = []
        for f in _dc.fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        return _leaf_copy(obj)


def _astuple_inner(obj, tuple_factory):
    charge(1)
    if _dc._is_dataclass_instance(obj):
        result = []
        for f in _dc.fields(obj):
            value = _astuple_inner(getattr(obj, f.name), tuple_factory)
            result.append(value)
        return tuple_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    else:
        return _leaf_copy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _dc._is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    _policy.precheck_walk(obj)
    return _asdict_inner(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not _dc._is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    _policy.precheck_walk(obj)
    return _astuple_inner(obj, tuple_factory)


def build(vm):
    return {
        "dataclass": dataclass,
        "field": _dc.field,
        "fields": _dc.fields,
        "asdict": asdict,
        "astuple": astuple,
        "replace": _dc.replace,
        "is_dataclass": _dc.is_dataclass,
        "FrozenInstanceError": _dc.FrozenInstanceError,
        "MISSING": _dc.MISSING,
        "KW_ONLY": _dc.KW_ONLY,
        "InitVar": _dc.InitVar,
        "Field": _dc.Field,
    }
