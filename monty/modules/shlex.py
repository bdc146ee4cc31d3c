"""`shlex` for sandbox code: CPython's module, run as sandbox Python
(monty/modules/_sandbox/shlex.py), so its work counts against the limits and its objects
dump and load with a paused program."""

from ._support import build_internal, sandbox_source

NAME = "shlex"
PREFIX = "shlex."
EXPORTS = "shlex split quote join".split()

SOURCE = sandbox_source(NAME)


def build(vm):
    return build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
