"""`importlib` for sandbox code: `import_module` (an `import` statement run through the
sandbox's own exec, so it follows exactly the policy of `import`: only the sandbox's modules,
the host modules the Sandbox was given, and os with files=/environ=) and
`invalidate_caches` (nothing to invalidate). Written in sandbox Python
(monty/modules/_sandbox/importlib.py)."""

from ._support import build_internal, sandbox_source

NAME = "importlib"
PREFIX = "importlib."
EXPORTS = ["import_module", "invalidate_caches"]

SOURCE = sandbox_source(NAME)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
