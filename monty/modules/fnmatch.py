"""`fnmatch` for sandbox code: CPython's module, run as sandbox Python
(monty/modules/_sandbox/fnmatch.py) over the sandbox's own `re`."""

from ._support import build_internal, sandbox_source

NAME = "fnmatch"
PREFIX = "fnmatch."
EXPORTS = ["fnmatch", "fnmatchcase", "filter", "translate"]

SOURCE = sandbox_source(NAME)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
