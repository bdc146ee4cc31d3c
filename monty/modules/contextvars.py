"""`contextvars` for sandbox code: ContextVar, Token, Context and copy_context(), with a
current context per sandbox (never the host's). A Context is a mapping of variables to
values; `Context.run(f, ...)` makes it current while `f` runs. Contexts are plain dicts
underneath: copy_context() copies (its work charged), where CPython shares structure."""

import sys as _sys

from ._support import charge, need_items, type_name

NAME = "contextvars"

_core = _sys.modules["monty._core"]


class _Missing:
    __slots__ = ()

    def __repr__(self):
        return "<Token.MISSING>"


_MISSING = _Missing()


class _State:
    """One sandbox's current context."""

    __slots__ = ("current",)

    def __init__(self):
        self.current = Context()


def _state():
    vm = _core.current_vm()
    if vm is None or vm.context_state is None:
        raise RuntimeError("contextvars is only usable inside the sandbox that imported it")
    return vm.context_state


def _refuse_subclass(cls, **kwargs):
    raise TypeError(f"type '_contextvars.{cls.__mro__[1].__name__}' is not an acceptable "
                    "base type")


class Context:
    """A mapping of context variables to their values."""

    __slots__ = ("_vars", "_entered", "__weakref__")

    def __init__(self):
        self._vars = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        """Call `callable(*args, **kwargs)` with this context current; its result."""
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        state = _state()
        saved = state.current
        self._entered = True
        state.current = self
        try:
            return callable(*args, **kwargs)
        finally:
            state.current = saved
            self._entered = False

    def copy(self):
        """A shallow copy of this context."""
        charge(len(self._vars) + 1)
        need_items(len(self._vars))
        ctx = Context()
        ctx._vars = self._vars.copy()
        return ctx

    def get(self, key, default=None, /):
        if not isinstance(key, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {key!r}")
        return self._vars.get(key, default)

    def __getitem__(self, key):
        if not isinstance(key, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {key!r}")
        return self._vars[key]

    def __contains__(self, key):
        if not isinstance(key, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {key!r}")
        return key in self._vars

    def __len__(self):
        return len(self._vars)

    def __iter__(self):
        return iter(list(self._vars))

    def keys(self):
        charge(len(self._vars) + 1)
        return list(self._vars)

    def values(self):
        charge(len(self._vars) + 1)
        return list(self._vars.values())

    def items(self):
        charge(len(self._vars) + 1)
        return list(self._vars.items())

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._vars == other._vars

    __hash__ = None

    def __repr__(self):
        return f"<_contextvars.Context object at {id(self):#x}>"

    def __reduce__(self):
        raise TypeError("cannot pickle 'Context' object")


class ContextVar:
    """A context variable: its value depends on the current context."""

    __slots__ = ("_name", "_default", "__weakref__")

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = str.__str__(name)
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, default=_MISSING, /):
        """The variable's value in the current context, else `default`, else its default;
        LookupError if it has none."""
        value = _state().current._vars.get(self, _MISSING)
        if value is not _MISSING:
            return value
        if default is not _MISSING:
            return default
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value, /):
        """Set the variable's value in the current context; a Token to reset it with."""
        ctx = _state().current
        old = ctx._vars.get(self, _MISSING)
        ctx._vars[self] = value
        return Token(_TOKEN_KEY, ctx, self, old)

    def reset(self, token, /):
        """Restore the value the variable had before the `set` that gave `token`."""
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _state().current
        if token._ctx is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        token._used = True
        if token._old is _MISSING:
            ctx._vars.pop(self, None)
        else:
            ctx._vars[self] = token._old

    def __repr__(self):
        default = "" if self._default is _MISSING else f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at {id(self):#x}>"

    def __reduce__(self):
        raise TypeError("cannot pickle 'ContextVar' object")

    def __class_getitem__(cls, item):
        return cls


_TOKEN_KEY = object()


class Token:
    """What ContextVar.set returns: ContextVar.reset(token) undoes that set."""

    __slots__ = ("_ctx", "_var", "_old", "_used")

    MISSING = _MISSING

    def __init__(self, key, ctx, var, old):
        if key is not _TOKEN_KEY:
            raise RuntimeError("Tokens can only be created by ContextVars")
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at {id(self):#x}>"

    def __reduce__(self):
        raise TypeError("cannot pickle 'Token' object")

    def __class_getitem__(cls, item):
        return cls


for _c in (Context, ContextVar, Token):
    _c.__module__ = "_contextvars"
    _c.__init_subclass__ = classmethod(_refuse_subclass)
del _c


def copy_context():
    """A copy of the current context."""
    return _state().current.copy()


copy_context.__module__ = "_contextvars"

TYPES = (Context, ContextVar, Token)
TP_NAMES = {Context: "_contextvars.Context", ContextVar: "_contextvars.ContextVar",
            Token: "_contextvars.Token"}
ATTRIBUTES = {ContextVar: ("name",), Token: ("var", "old_value", "MISSING")}
METHODS = {
    Token: {"MISSING": _MISSING},           # read on the class (Token.MISSING): returned as is
    ContextVar: {"get": ContextVar.get, "set": ContextVar.set, "reset": ContextVar.reset},
    Context: {"run": Context.run, "copy": Context.copy, "get": Context.get,
              "keys": Context.keys, "values": Context.values, "items": Context.items},
}


def build(vm):
    if vm.context_state is None:
        vm.context_state = _State()
    return {"ContextVar": ContextVar, "Token": Token, "Context": Context,
            "copy_context": copy_context}


# how snapshots keep these values: their fields, checked on load (see monty/snapshot.py)
SNAPSHOT_FIELDS = {
    Context: {"_vars": "dict", "_entered": "bool"},
    ContextVar: {"_name": "str", "_default": "any"},
    Token: {"_ctx": "any", "_var": "any", "_old": "any", "_used": "bool"},
}
SNAPSHOT_NAMED = {"missing": _MISSING}
