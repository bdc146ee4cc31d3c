"""`fnmatch` for sandbox code: CPython's module, run as sandbox Python
(monty/modules/_sandbox/fnmatch.py) over the sandbox's own `re`."""

from ._support import sandbox_source

NAME = "fnmatch"
PREFIX = "fnmatch."
EXPORTS = ["fnmatch", "fnmatchcase", "filter", "translate"]

SOURCE = sandbox_source(NAME)


def build(vm):
    from .. import _core
    return _core.build_internal_module(vm, NAME, SOURCE, PREFIX, EXPORTS, {})
