"""`contextlib` for sandbox code: suppress, nullcontext, closing, ExitStack and
AbstractContextManager, ported from CPython 3.11's pure-Python implementation; contextmanager
is written in sandbox Python (monty/modules/_sandbox/_loops_lib.py), so its generator can pause.

The classes are made afresh for each sandbox (sandbox code may assign to a class's
attributes, so one sandbox must never see another's) and are treated like classes the sandbox
defined, so `with` finds their `__enter__`/`__exit__` (the VM only runs the special methods of
such classes). Their instances hold only sandbox values. Context managers given to them must be
sandbox objects: their special methods are looked up on the class as `with` does it, and
every other attribute (`close`) is read through the attribute gate.
"""

import abc as _abc
import types as _types
from _collections_abc import _check_methods

from ._support import is_sandbox_class, mark_sandbox_class, sandbox_getattr

NAME = "contextlib"


def _special(cm, name):
    """`type(cm).name` as `with` looks it up: only on sandbox classes."""
    cls = type(cm)
    if not is_sandbox_class(cls):
        return None
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


def _protocol_error(cm, what):
    cls = type(cm)
    return TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the "
                     f"{what} protocol")


def _make_classes():
    class AbstractContextManager(metaclass=_abc.ABCMeta):
        """Base with a default __enter__ (returns self); any class with __enter__ and
        __exit__ counts as a subclass, as in CPython."""

        __slots__ = ()

        __class_getitem__ = classmethod(_types.GenericAlias)

        def __enter__(self):
            return self

        @_abc.abstractmethod
        def __exit__(self, exc_type, exc_value, traceback):
            return None

        @classmethod
        def __subclasshook__(cls, C):
            if cls is AbstractContextManager:
                return _check_methods(C, "__enter__", "__exit__")
            return NotImplemented

    class suppress(AbstractContextManager):
        def __init__(self, *exceptions):
            self._exceptions = exceptions

        def __enter__(self):
            pass

        def __exit__(self, exctype, excinst, exctb):
            return exctype is not None and issubclass(exctype, self._exceptions)

    class nullcontext(AbstractContextManager):
        def __init__(self, enter_result=None):
            self.enter_result = enter_result

        def __enter__(self):
            return self.enter_result

        def __exit__(self, *excinfo):
            pass

    class closing(AbstractContextManager):
        def __init__(self, thing):
            self.thing = thing

        def __enter__(self):
            return self.thing

        def __exit__(self, *exc_info):
            sandbox_getattr(self.thing, "close")()

    class ExitStack(AbstractContextManager):
        def __init__(self):
            self._exit_callbacks = []

        def pop_all(self):
            new_stack = type(self)()
            new_stack._exit_callbacks = self._exit_callbacks
            self._exit_callbacks = []
            return new_stack

        # each entry holds sandbox values only: (exit method or callable, its object or the
        # callback's arguments, the callback's keywords), one of three kinds
        def push(self, exit):
            exit_method = _special(exit, "__exit__")
            if exit_method is None:
                self._exit_callbacks.append(("callable", exit, None, None))
            else:
                self._exit_callbacks.append(("method", exit_method, exit, None))
            return exit

        def enter_context(self, cm):
            enter = _special(cm, "__enter__")
            exit = _special(cm, "__exit__")
            if enter is None or exit is None:
                raise _protocol_error(cm, "context manager")
            result = enter(cm)
            self._exit_callbacks.append(("method", exit, cm, None))
            return result

        def callback(self, callback, /, *args, **kwds):
            self._exit_callbacks.append(("callback", callback, args, kwds))
            return callback

        def close(self):
            self.__exit__(None, None, None)

        def __enter__(self):
            return self

        def __exit__(self, *exc_details):
            received_exc = exc_details[0] is not None
            frame_exc = None

            def _fix_exception_context(new_exc, old_exc):
                while 1:
                    exc_context = new_exc.__context__
                    if exc_context is None or exc_context is old_exc:
                        return
                    if exc_context is frame_exc:
                        break
                    new_exc = exc_context
                new_exc.__context__ = old_exc

            suppressed_exc = False
            pending_raise = False
            while self._exit_callbacks:
                kind, func, obj, kwds = self._exit_callbacks.pop()
                try:
                    if kind == "method":
                        result = func(obj, *exc_details)
                    elif kind == "callable":
                        result = func(*exc_details)
                    else:
                        result = func(*obj, **kwds)
                    if result:
                        suppressed_exc = True
                        pending_raise = False
                        exc_details = (None, None, None)
                except BaseException as new_exc:
                    _fix_exception_context(new_exc, exc_details[1])
                    pending_raise = True
                    exc_details = (type(new_exc), new_exc, None)
            if pending_raise:
                try:
                    fixed_ctx = exc_details[1].__context__
                    raise exc_details[1]
                except BaseException:
                    exc_details[1].__context__ = fixed_ctx
                    raise
            return received_exc and suppressed_exc

    classes = (AbstractContextManager, suppress, nullcontext, closing, ExitStack)
    for cls in classes:
        cls.__module__ = "contextlib"
        mark_sandbox_class(cls)
    return classes


def build(vm):
    names = {cls.__name__: cls for cls in _make_classes()}
    # written in sandbox Python (monty/modules/_loops.py): the generator runs as a frame of
    # the VM, so host calls inside it pause
    from . import _loops
    names["contextmanager"] = _loops.function(vm, "contextmanager")
    return names

