"""`os.path` for sandbox code: the functions of the `os` module's `path` (monty/modules/os.py),
importable as `os.path` in a Sandbox that has `os`."""

from . import os as _os

NAME = "os.path"


def available(vm):
    return _os.available(vm)


def build(vm):
    from .. import _core
    mod = _core.vm_import_module(vm, "os")
    return dict(mod._attrs["path"]._attrs)
