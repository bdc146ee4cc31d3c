"""`builtins` for sandbox code: the sandbox's own builtins, nothing of the host's."""

NAME = "builtins"


def build(vm):
    from monty import _BUILTINS
    return dict(_BUILTINS)
