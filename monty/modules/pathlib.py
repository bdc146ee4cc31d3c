"""`pathlib` for sandbox code: pure path manipulation only. `PurePath`, `PurePosixPath` and
`PureWindowsPath` are CPython's pure classes; `Path` (and `PosixPath`) is a pure POSIX path
with CPython's `Path` class names but none of its file system methods: `exists`, `open`,
`read_text`, `iterdir`, `cwd`, `home`, `resolve`, `stat`, ... do not exist on it (reading them
raises AttributeError). `WindowsPath` cannot be instantiated, as on CPython under POSIX.

Arguments are checked before CPython's code sees them: a `str` subclass is passed on as a plain
`str`, another path as itself, a value of a sandbox class is refused (os.PathLike sandbox
objects are not supported), and builtin values go through unchanged so the errors are
CPython's. The work is charged and the size of each new path checked before it is built;
sandbox code cannot subclass these classes (their internals are host data)."""

import pathlib as _pl
import sys as _sys
import types as _types

from ._support import charge, is_sandbox_class, need, type_name

NAME = "pathlib"


def _clean_one(a):
    """One path segment as CPython's code may see it, and its size in characters."""
    if isinstance(a, _pl.PurePath):
        n = 0
        for part in a._parts:
            n += len(part) + 1
        return a, n
    if isinstance(a, str):
        a = str.__str__(a)
        return a, len(a)
    if is_sandbox_class(type(a)):
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type_name(a)}")
    return a, 0


def _clean(args, base=None):
    """The segments of a new path (after `base`'s), its size checked and its work charged."""
    out = []
    total = 0
    if base is not None:
        total = _clean_one(base)[1]
    for a in args:
        a, n = _clean_one(a)
        out.append(a)
        total += n
    charge(len(out) + total // 64 + 1)
    need(3 * total + 64 * len(out))
    return out


def _arg(a, path=None):
    """A single str argument (a name, suffix or pattern) as CPython's code may see it. With
    `path` (POSIX flavour), a str subclass fails where CPython's parser would `sys.intern` it
    (a single relative component): with_name and match refuse such names there."""
    if path is not None and type(a) is not str and isinstance(a, str):
        text = str.__str__(a)
        if (path._flavour is _pl._posix_flavour and text and text != "." and
                not text.startswith("/") and "/" not in text):
            raise TypeError(f"can't intern {type_name(a)}")
    a, n = _clean_one(a)
    charge(n // 64 + 1)
    return a


def _refuse_subclass(cls, **kwargs):
    raise TypeError(f"cannot subclass pathlib.{cls.__mro__[1].__name__} in the sandbox")


class PurePath(_pl.PurePath):
    """A path without I/O; PurePath(...) gives a PurePosixPath."""

    __slots__ = ()

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(_clean(args))

    def __reduce__(self):
        return (self.__class__, tuple(self._parts))

    def __sizeof__(self):
        n = object.__sizeof__(self) + 8 * len(self._parts) + 56
        for part in self._parts:
            n += 2 * (len(part) + 49)
        return n

    def __truediv__(self, key):
        try:
            return self._make_child(_clean((key,), self))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from_parts(_clean([key], self) + self._parts)
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        """Combine this path with one or several arguments."""
        return self._make_child(_clean(args, self))

    def relative_to(self, *other):
        """This path relative to `other` (ValueError if it is not under it)."""
        return _pl.PurePath.relative_to(self, *_clean(other, self))

    def is_relative_to(self, *other):
        """Whether this path is relative to `other`."""
        return _pl.PurePath.is_relative_to(self, *_clean(other, self))

    def with_name(self, name):
        """This path with its final component replaced."""
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        return _pl.PurePath.with_name(self, _arg(name, self))

    def with_stem(self, stem):
        """This path with its stem replaced."""
        return _pl.PurePath.with_stem(self, _arg(stem))

    def with_suffix(self, suffix):
        """This path with its suffix replaced (or removed, with '')."""
        return _pl.PurePath.with_suffix(self, _arg(suffix))

    def match(self, path_pattern):
        """Whether this path matches the glob-style pattern."""
        path_pattern = _arg(path_pattern, self)
        if isinstance(path_pattern, str):
            charge(len(path_pattern) * (len(self._parts) + 1) // 16 + 1)
        return _pl.PurePath.match(self, path_pattern)


class PurePosixPath(PurePath, _pl.PurePosixPath):
    """A pure path with POSIX semantics."""

    __slots__ = ()


class PureWindowsPath(PurePath, _pl.PureWindowsPath):
    """A pure path with Windows semantics."""

    __slots__ = ()


class Path(PurePath):
    """A path: here a pure POSIX path, with no file system access."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        if cls is WindowsPath:
            raise NotImplementedError(f"cannot instantiate {cls.__name__!r} on your system")
        return cls._from_parts(_clean(args))


class PosixPath(Path, PurePosixPath):
    """Path's POSIX flavour (pure: no file system access in the sandbox)."""

    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """Path's Windows flavour: cannot be instantiated (as on CPython under POSIX)."""

    __slots__ = ()


def _fs(name):
    """The `os` module's sandbox-Python helper `name`, for the running sandbox (a Sandbox
    without files has none: nothing exists there)."""
    from .. import _core, mounts
    from . import os as _os_module
    vm = _core.current_vm()
    if not mounts.has_files(vm):
        raise FileNotFoundError(2, "No such file or directory (no files are mounted)")
    return _os_module.function(vm, name)


class MountPath(Path):
    """Path in a Sandbox with files: its I/O methods reach the mounts."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is MountPath:
            cls = MountPosixPath
        return cls._from_parts(_clean(args))

    @classmethod
    def cwd(cls):
        """The working directory (the first mount point)."""
        return cls(_fs("getcwd")())

    @classmethod
    def home(cls):
        """The home directory: there is none in the sandbox."""
        raise RuntimeError("Could not determine home directory.")

    def _text(self):
        return str(self)

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        """open(self, ...) as the builtin open does."""
        return _fs("open_")(self._text(), mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None, newline=None):
        """(newline as CPython 3.13 takes it)"""
        return _fs("p_read_text")(self._text(), encoding, errors, newline)

    def read_bytes(self):
        return _fs("p_read_bytes")(self._text())

    def write_text(self, data, encoding=None, errors=None, newline=None):
        return _fs("p_write_text")(self._text(), data, encoding, errors, newline)

    def write_bytes(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"memoryview: a bytes-like object is required, not "
                            f"'{type_name(data)}'")
        return _fs("p_write_bytes")(self._text(), data)

    def exists(self):
        return _fs("path_exists")(self._text())

    def is_file(self):
        return _fs("path_isfile")(self._text())

    def is_dir(self):
        return _fs("path_isdir")(self._text())

    def is_symlink(self):
        return False

    def stat(self):
        return _fs("p_stat")(self._text())

    def lstat(self):
        return _fs("p_stat")(self._text())

    def iterdir(self):
        names = _fs("p_iterdir")(self._text())
        if type(names) is not list:
            raise TypeError("bad directory listing")
        charge(len(names) + 1)
        return iter([self._make_child(_clean((n,), self)) for n in names])

    def glob(self, pattern):
        pattern = _arg(pattern)
        if type(pattern) is not str:
            raise TypeError(f"expected str, not {type_name(pattern)}")
        found = _fs("p_glob")(self._text(), pattern, False)
        if type(found) is not list:
            raise TypeError("bad glob result")
        charge(len(found) + 1)
        return iter([self / rel for rel in found])

    def rglob(self, pattern):
        pattern = _arg(pattern)
        if type(pattern) is not str:
            raise TypeError(f"expected str, not {type_name(pattern)}")
        return self.glob("**/" + pattern)

    # (flags go to the sandbox-Python helper as given: their truth is tested there, never
    # by host code)
    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        _fs("p_mkdir")(self._text(), mode, parents, exist_ok)

    def rmdir(self):
        _fs("rmdir")(self._text())

    def unlink(self, missing_ok=False):
        _fs("p_unlink")(self._text(), missing_ok)

    def touch(self, mode=0o666, exist_ok=True):
        _fs("p_touch")(self._text(), exist_ok)

    def rename(self, target):
        target = _clean((target,))[0]
        _fs("rename")(self._text(), str(target))
        return type(self)(target)

    def replace(self, target):
        return self.rename(target)

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(_fs("getcwd")(), *self._parts)

    def resolve(self, strict=False):
        return type(self)(_fs("path_abspath")(self._text()))

    def expanduser(self):
        return self

    def samefile(self, other_path):
        return self.resolve() == type(self)(other_path).resolve()


class MountPosixPath(MountPath, PosixPath):
    """Path's POSIX flavour in a Sandbox with files."""

    __slots__ = ()


for _c in (MountPath, MountPosixPath):
    _c.__module__ = "pathlib"
_MountPath_names = {MountPath: "Path", MountPosixPath: "PosixPath"}
for _c, _n in _MountPath_names.items():
    _c.__name__ = _c.__qualname__ = _n
    for _f in vars(_c).values():        # (an argument error names Path.mkdir(), as CPython's)
        _f = getattr(_f, "__func__", _f)
        if isinstance(_f, _types.FunctionType):
            _f.__qualname__ = f"{_n}.{_f.__name__}"
    _c.__init_subclass__ = classmethod(_refuse_subclass)

_CLASSES = (PurePath, PurePosixPath, PureWindowsPath, Path, PosixPath, WindowsPath)
for _c in _CLASSES:
    _c.__module__ = "pathlib"
    _c.__qualname__ = _c.__name__
for _c in _CLASSES:
    _c.__init_subclass__ = classmethod(_refuse_subclass)
del _c, _f

_Parents = type(_pl.PurePosixPath("a").parents)

_PROPERTIES = ("name", "stem", "suffix", "suffixes", "parent", "parents", "parts", "anchor",
               "root", "drive")
ATTRIBUTES = {cls: _PROPERTIES for cls in (PurePosixPath, PureWindowsPath, PosixPath,
                                            MountPosixPath)}

_METHOD_NAMES = ("joinpath", "relative_to", "is_relative_to", "with_name", "with_stem",
                 "with_suffix", "match", "as_posix", "as_uri", "is_absolute", "is_reserved",
                 "__fspath__")
_MOUNT_METHOD_NAMES = ("open", "read_text", "read_bytes", "write_text", "write_bytes", "exists",
                       "is_file", "is_dir", "is_symlink", "stat", "lstat", "iterdir", "glob",
                       "rglob", "mkdir", "rmdir", "unlink", "touch", "rename", "replace",
                       "absolute", "resolve", "expanduser", "samefile", "cwd", "home")
METHODS = {PurePath: {n: getattr(PurePath, n) for n in _METHOD_NAMES},
           MountPath: {n: getattr(MountPath, n) for n in _MOUNT_METHOD_NAMES}}
TYPES = _CLASSES + (MountPath, MountPosixPath)


def build(vm):
    from .. import mounts
    out = {cls.__name__: cls for cls in _CLASSES}
    if mounts.has_files(vm):
        out["Path"] = MountPath
        out["PosixPath"] = MountPosixPath
    return out


def _load_path(cls):
    def load(text):
        if type(text) is not str or len(text) > 100_000:
            raise ValueError("bad path")
        return cls(text)
    return load


# how snapshots keep paths: their text, made again by the class (see monty/snapshot.py)
SNAPSHOT = {cls: (str, _load_path(cls)) for cls in (PurePosixPath, PureWindowsPath, PosixPath)}
