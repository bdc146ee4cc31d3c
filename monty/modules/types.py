"""`types` for sandbox code: SimpleNamespace and MappingProxyType (sandbox Python,
monty/modules/_sandbox/types.py), and the type objects of the sandbox's own values for
isinstance/issubclass: FunctionType, MethodType, GeneratorType, CoroutineType,
AsyncGeneratorType, BuiltinFunctionType, ModuleType, NoneType...

A sandbox function is not a CPython function, so FunctionType and its kin are stand-ins: host
classes that hold nothing, whose isinstance/issubclass compare the exact type of the value
(no sandbox code runs) and that cannot be called."""

import types as _types

from .. import _core, policy
from . import SandboxModule
from ._support import build_internal, sandbox_source

NAME = "types"
PREFIX = "types."
EXPORTS = ["SimpleNamespace", "MappingProxyType"]

SOURCE = sandbox_source(NAME)


class _StandIn(type):
    """The metaclass of the stand-ins: isinstance/issubclass by exact type."""

    def __instancecheck__(cls, obj):
        return type(obj) in type.__getattribute__(cls, "_exact")

    def __subclasscheck__(cls, sub):
        return sub is cls or sub in type.__getattribute__(cls, "_exact")

    def __repr__(cls):
        return f"<class '{type.__getattribute__(cls, '_shown')}'>"

    def __setattr__(cls, name, value):
        raise TypeError(f"cannot set '{name}' attribute of immutable type "
                        f"'{type.__getattribute__(cls, '_shown')}'")

    def __delattr__(cls, name):
        raise TypeError(f"cannot delete '{name}' attribute of immutable type "
                        f"'{type.__getattribute__(cls, '_shown')}'")


def _stand_in(shown, *exact):
    def refuse(cls, *args, **kwargs):
        raise TypeError(f"cannot create '{shown}' instances in the sandbox")
    cls = _StandIn(shown, (), {"__slots__": (), "__new__": refuse, "_exact": frozenset(exact),
                               "_shown": shown, "__module__": "builtins"})
    return cls


ATTRIBUTES = {_StandIn: ("__name__", "__qualname__", "__module__")}

_builtin_function = type(len)
_method_wrapper = type("".__len__)

FunctionType = _stand_in("function", _core.Function, _core.HostFunction)
MethodType = _stand_in("method", _core.BoundMethod)
GeneratorType = _stand_in("generator", _core.Generator)
CoroutineType = _stand_in("coroutine", _core.Coroutine)
AsyncGeneratorType = _stand_in("async_generator", _core.AsyncGenerator)
BuiltinFunctionType = _stand_in("builtin_function_or_method", _builtin_function, _core.VMBuiltin,
                                policy.BoundWrapper)
MethodWrapperType = _stand_in("method-wrapper", _method_wrapper)
ModuleType = _stand_in("module", SandboxModule)

_HOST = {
    "FunctionType": FunctionType,
    "LambdaType": FunctionType,
    "MethodType": MethodType,
    "GeneratorType": GeneratorType,
    "CoroutineType": CoroutineType,
    "AsyncGeneratorType": AsyncGeneratorType,
    "BuiltinFunctionType": BuiltinFunctionType,
    "BuiltinMethodType": BuiltinFunctionType,
    "MethodWrapperType": MethodWrapperType,
    "ModuleType": ModuleType,
    "NoneType": type(None),
    "NotImplementedType": type(NotImplemented),
    "EllipsisType": type(Ellipsis),
}


def build(vm):
    attrs = build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
    attrs.update(_HOST)
    return attrs
