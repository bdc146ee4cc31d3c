"""`builtins` for sandbox code: the sandbox's own builtins, nothing of the host's."""

NAME = "builtins"


def build(vm):
    from .._shared import BUILTINS as _BUILTINS
    # (not the VM's private helpers, '.name': they trust the code the compiler emits)
    return {name: value for name, value in _BUILTINS.items() if not name.startswith(".")}
