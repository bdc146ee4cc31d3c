"""`gc` for sandbox code: a sandbox-local switch and a `collect()` that triggers no host
collection. The host's garbage collector is never touched: `disable()` only changes what
`isenabled()` reports to this sandbox, and `collect()` returns 0 (nothing collected)."""

from ._support import type_name

NAME = "gc"


class _State:
    __slots__ = ("enabled",)

    def __init__(self):
        self.enabled = True


def build(vm):
    state = _State()

    def collect(generation=2):
        """Run a collection: in the sandbox, nothing is collected by sandbox request; 0."""
        if not isinstance(generation, int):
            raise TypeError(f"'{type_name(generation)}' object cannot be interpreted as an integer")
        if not 0 <= generation <= 2:
            raise ValueError("invalid generation")
        return 0

    def enable():
        """Enable automatic garbage collection (a flag local to this sandbox)."""
        state.enabled = True

    def disable():
        """Disable automatic garbage collection (a flag local to this sandbox)."""
        state.enabled = False

    def isenabled():
        """Whether automatic collection is enabled (this sandbox's flag)."""
        return state.enabled

    for f in (collect, enable, disable, isenabled):
        f.__qualname__ = f.__name__
        f.__module__ = "gc"
    return {"collect": collect, "enable": enable, "disable": disable, "isenabled": isenabled}
