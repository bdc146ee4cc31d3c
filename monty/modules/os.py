"""`os` and `os.path` for sandbox code, over the Sandbox's mounts (monty.MountDir) and the
environment it was given: the module exists only in a Sandbox made with `files=` or
`environ=`; without them `import os` fails as before.

Written in sandbox Python (monty/modules/_sandbox/os.py) over the host primitives of
monty/mounts.py: every path is virtual, checked again on each access; `environ` is a plain
dict, a copy of `Sandbox(environ=...)` (empty when not given)."""

from .. import mounts as _mounts
from ._support import build_internal, sandbox_source
from . import SandboxModule

NAME = "os"
PREFIX = "os."
EXPORTS = """name sep altsep extsep pathsep linesep curdir pardir defpath devnull SEEK_SET
SEEK_CUR SEEK_END environ getenv fspath fsencode fsdecode getcwd getcwdb chdir listdir
stat_result stat lstat DirEntry scandir mkdir makedirs remove unlink rmdir removedirs rename
replace walk""".split()
PATH_EXPORTS = """join split basename dirname splitext isabs normpath abspath realpath relpath
commonprefix commonpath normcase expanduser expandvars exists lexists isfile isdir islink ismount
getsize getmtime getatime getctime samefile""".split()
PATH_CONSTANTS = "sep altsep extsep pathsep curdir pardir defpath devnull".split()

SOURCE = sandbox_source(NAME)


def available(vm):
    return _mounts.state_of(vm) is not None


def build(vm):
    attrs = build_internal(vm, NAME, SOURCE, PREFIX, EXPORTS)
    attrs["path"] = SandboxModule("os.path", path_attrs(vm))
    attrs["error"] = OSError
    return attrs


def path_attrs(vm):
    out = {n: vm.get_global(PREFIX + "path_" + n) for n in PATH_EXPORTS}
    out.update({n: vm.get_global(PREFIX + n) for n in PATH_CONSTANTS})
    return out


def function(vm, name):
    """The module's function `name` (a pathlib I/O helper), the module imported first."""
    from .. import _core
    _core.vm_import_module(vm, NAME)
    return vm.get_global(PREFIX + name)


def _load_mount_path(text):
    from .pathlib import MountPosixPath
    if type(text) is not str or len(text) > 100_000:
        raise ValueError("bad path")
    return MountPosixPath(text)


def _snapshot_table():
    from .pathlib import MountPosixPath
    # (keyed by this module's name: pathlib's own PosixPath has the same class name)
    return {MountPosixPath: (str, _load_mount_path)}


SNAPSHOT = _snapshot_table()
