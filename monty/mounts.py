"""Host directories mounted into a sandbox's virtual file system, and the host primitives the
sandbox's `os`, `open` and `pathlib` I/O reach them through.

Sandbox paths are virtual (`/data/x.txt`): the only paths that exist are the mount points, the
directories above them (read-only, listing only the way to the mounts) and what lies inside a
mounted directory. Every primitive is stateless: it takes an absolute, normalised virtual
path (exact str), finds the mount again, checks that the host path's realpath stays inside the
mount's directory, then reaches it from the mount's directory one component at a time with
O_NOFOLLOW (a symlink swapped in after the check is refused, never followed). No host file
object or descriptor outlives a primitive call, so an open sandbox file is only its virtual
path, mode and position: it dumps and loads with a paused program, and every later access is
checked against the mounts of the Sandbox it runs in then.

Limits: reads are checked against the memory limit before any byte is read; `max_bytes`
caps the bytes a Sandbox writes into a mount over its life (data written plus any growth of a
file past its end: a sparse seek-and-write counts the gap), counted per Sandbox object (a
Sandbox loaded from a snapshot starts its own count)."""

import codecs as _codecs
import collections.abc as _abc
import errno as _errno
import os as _os
import stat as _stat

from .modules._support import charge, need, private_helpers

_MAX_PATH = 4096
_MAX_NAME = 255
_STATE_KEY = "/fs"          # vm.module_state key no module NAME can have
_DIR_FLAGS = _os.O_RDONLY | _os.O_DIRECTORY | _os.O_NOFOLLOW | _os.O_CLOEXEC
_ENCODINGS_CACHE = {}


class MountDir:
    """A host directory seen by sandbox code at `mount_point` (an absolute POSIX path).

    mode: "r" (read only: writes raise PermissionError) or "rw".
    max_bytes: the bytes sandbox code may write into this mount over the Sandbox's life
    (None: no cap)."""

    __slots__ = ("host_path", "mount_point", "mode", "max_bytes", "_root")

    def __init__(self, host_path, mount_point, mode="r", max_bytes=None):
        if isinstance(host_path, _os.PathLike):
            host_path = _os.fspath(host_path)
        if type(host_path) is not str:
            raise TypeError(f"MountDir host_path must be a str or os.PathLike, not "
                            f"{type(host_path).__name__}")
        if type(mount_point) is not str:
            raise TypeError(f"MountDir mount_point must be a str, not {type(mount_point).__name__}")
        if mode not in ("r", "rw"):
            raise ValueError(f"MountDir mode must be 'r' or 'rw', not {mode!r}")
        if max_bytes is not None and (type(max_bytes) is not int or max_bytes < 0):
            raise ValueError("MountDir max_bytes must be a non-negative int or None")
        point = _normalize(mount_point) if mount_point.startswith("/") else None
        if point is None or point == "/" or "\0" in mount_point:
            raise ValueError(f"MountDir mount_point must be an absolute path below '/', "
                             f"not {mount_point!r}")
        root = _os.path.realpath(host_path)
        if not _os.path.isdir(root):
            raise ValueError(f"MountDir host_path {host_path!r} is not a directory")
        self.host_path = host_path
        self.mount_point = point
        self.mode = mode
        self.max_bytes = max_bytes
        self._root = root

    def __repr__(self):
        return (f"MountDir({self.host_path!r}, {self.mount_point!r}, mode={self.mode!r}, "
                f"max_bytes={self.max_bytes!r})")


class FsState:
    """One Sandbox's mounts, environment and bytes written (kept in vm.module_state)."""

    __slots__ = ("mounts", "first", "environ", "written")

    def __init__(self, mounts, environ, first="/"):
        self.mounts = mounts            # tuple of MountDir, longest mount point first
        self.first = first              # the working directory sandbox code starts in
        self.environ = environ          # dict str -> str, or None
        self.written = {}               # mount point -> bytes written so far

    def __sizeof__(self):
        return 64


def make_state(files, environ):
    """The FsState for Sandbox(files=..., environ=...), validated; None when neither given."""
    if files is None and environ is None:
        return None
    mounts = []
    if files is not None:
        if not isinstance(files, _abc.Sequence) or isinstance(files, (str, bytes)):
            raise TypeError(f"files must be a list of monty.MountDir, not {type(files).__name__}")
        for m in files:
            if type(m) is not MountDir:
                raise TypeError(f"files must hold monty.MountDir values, not {type(m).__name__}")
        points = [m.mount_point for m in files]
        for a in points:
            for b in points:
                if a is not b and (a == b or b.startswith(a + "/")):
                    raise ValueError(f"mount points {a!r} and {b!r} overlap")
        mounts = sorted(files, key=lambda m: -len(m.mount_point))
    env = None
    if environ is not None:
        if not isinstance(environ, _abc.Mapping):
            raise TypeError(f"environ must be a dict of str -> str, not {type(environ).__name__}")
        env = {}
        for k, v in environ.items():
            if type(k) is not str or type(v) is not str:
                raise TypeError("environ must map str to str")
            env[k] = v
    return FsState(tuple(mounts), env, files[0].mount_point if files else "/")


def install(vm, state):
    if state is None:
        return
    if vm.module_state is None:
        vm.module_state = {}
    vm.module_state[_STATE_KEY] = state


def state_of(vm):
    states = vm.module_state if vm is not None else None
    if not states:
        return None
    return states.get(_STATE_KEY)


def has_files(vm):
    st = state_of(vm)
    return st is not None and bool(st.mounts)


def _state():
    from . import _core
    st = state_of(_core.current_vm())
    if st is None:
        return FsState((), None)
    return st


# ------------------------------------------------------------------ paths

def _normalize(path):
    """The absolute virtual path with '.', '..' and repeated slashes resolved lexically ('..'
    at the root stays at the root, as the kernel does)."""
    parts = []
    for p in path.split("/"):
        if p == "" or p == ".":
            continue
        if p == "..":
            if parts:
                parts.pop()
            continue
        parts.append(p)
    return "/" + "/".join(parts)


def _err(code, path):
    cls = {_errno.ENOENT: FileNotFoundError, _errno.EACCES: PermissionError,
           _errno.EROFS: PermissionError, _errno.EEXIST: FileExistsError,
           _errno.EISDIR: IsADirectoryError, _errno.ENOTDIR: NotADirectoryError,
           _errno.ENOTEMPTY: OSError, _errno.ENOSPC: OSError, _errno.EXDEV: OSError,
           _errno.ENAMETOOLONG: OSError, _errno.EINVAL: OSError, _errno.EBUSY: OSError,
           }.get(code, OSError)
    return cls(code, _os.strerror(code), path)


def _check_path(path):
    """`path` as an exact absolute virtual path, normalised; errors as CPython's."""
    if type(path) is not str:
        if issubclass(type(path), str):
            path = str.__str__(path)
        else:
            raise TypeError("path must be str")
    charge(len(path) // 64 + 1)
    if "\0" in path:
        raise ValueError("embedded null byte")
    if len(path) > _MAX_PATH:
        raise _err(_errno.ENAMETOOLONG, path)
    if not path.startswith("/"):
        raise ValueError("path must be absolute")
    norm = _normalize(path)
    for part in norm.split("/"):
        if len(part.encode("utf-8", "surrogateescape")) > _MAX_NAME:
            raise _err(_errno.ENAMETOOLONG, path)
    return norm


class _Where:
    """Where a virtual path lands: inside a mount (mount, parts relative to its directory),
    on a directory above the mounts (virtual), or nowhere."""

    __slots__ = ("mount", "parts", "virtual", "children")

    def __init__(self, mount, parts, virtual, children):
        self.mount = mount
        self.parts = parts
        self.virtual = virtual
        self.children = children


def _where(norm):
    st = _state()
    for m in st.mounts:
        p = m.mount_point
        if norm == p or norm.startswith(p + "/"):
            rest = norm[len(p):].strip("/")
            return _Where(m, rest.split("/") if rest else [], False, None)
    prefix = "/" if norm == "/" else norm + "/"
    children = []
    for m in st.mounts:
        if m.mount_point.startswith(prefix):
            name = m.mount_point[len(prefix):].split("/", 1)[0]
            if name not in children:
                children.append(name)
    if children:
        return _Where(None, None, True, sorted(children))
    return _Where(None, None, False, None)


def _real_parts(m, parts, path):
    """The parts of the path's realpath below the mount's directory; PermissionError when it
    leads out of the mount (a symlink to elsewhere)."""
    host = _os.path.join(m._root, *parts) if parts else m._root
    real = _os.path.realpath(host)
    root = m._root
    if real == root:
        return []
    if not real.startswith(root.rstrip("/") + "/"):
        raise _err(_errno.EACCES, path)
    return real[len(root.rstrip("/")) + 1:].split("/")


class _SymlinkOnPath(Exception):
    """A component of the path is a symlink: resolve it with realpath and walk again."""


def _open_dir(m, parts, path, fast=False):
    """A descriptor of the directory `parts` under the mount, opened one component at a time
    without following symlinks. A symlink met on the way is refused (PermissionError); with
    `fast`, _SymlinkOnPath is raised instead so the caller can check its realpath."""
    try:
        fd = _os.open(m._root, _DIR_FLAGS)
    except OSError as e:
        raise _err(e.errno or _errno.EACCES, path) from None
    try:
        for comp in parts:
            try:
                nfd = _os.open(comp, _DIR_FLAGS, dir_fd=fd)
            except OSError as e:
                code = e.errno
                if code in (_errno.ELOOP, _errno.ENOTDIR) and _is_link(fd, comp):
                    if fast:
                        raise _SymlinkOnPath() from None
                    code = _errno.EACCES       # a symlink appeared after the realpath check
                raise _err(code, path) from None
            _os.close(fd)
            fd = nfd
    except BaseException:
        _os.close(fd)
        raise
    return fd


def _is_link(dir_fd, name):
    try:
        return _stat.S_ISLNK(_os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _dir_fd(m, parts, path):
    """_open_dir of a path's directory: straight when no component is a symlink, else through
    the realpath of the directory (which must stay inside the mount), walked again with
    O_NOFOLLOW so a symlink swapped in meanwhile is refused."""
    try:
        return _open_dir(m, parts, path, fast=True)
    except _SymlinkOnPath:
        return _open_dir(m, _real_parts(m, parts, path), path)


class _At:
    """The parent directory's descriptor and the final name of a path inside a mount (a
    final symlink is resolved through its realpath, which must stay inside the mount)."""

    def __init__(self, where, path):
        self.where = where
        self.path = path
        m = where.mount
        parts = where.parts
        self.is_root = not parts
        if not parts:
            self.fd = _open_dir(m, [], path)
            self.name = "."
            return
        fd = _dir_fd(m, parts[:-1], path)
        if _is_link(fd, parts[-1]):
            _os.close(fd)
            parts = _real_parts(m, parts, path)
            self.is_root = not parts
            if not parts:
                self.fd = _open_dir(m, [], path)
                self.name = "."
                return
            fd = _open_dir(m, parts[:-1], path)
        self.fd = fd
        self.name = parts[-1]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        _os.close(self.fd)


def _lstat(at):
    try:
        st = _os.stat(at.name, dir_fd=at.fd, follow_symlinks=False)
    except OSError as e:
        raise _err(e.errno, at.path) from None
    if _stat.S_ISLNK(st.st_mode):
        raise _err(_errno.EACCES, at.path)   # swapped in after the realpath check
    return st


def _writable(where, path):
    if where.mount is None:
        raise _err(_errno.EACCES if where.virtual else _errno.ENOENT, path)
    if where.mount.mode != "rw":
        raise _err(_errno.EROFS, path)


def _charge_write(where, path, nbytes):
    m = where.mount
    if nbytes <= 0 or m.max_bytes is None:
        return
    st = _state()
    used = st.written.get(m.mount_point, 0)
    if used + nbytes > m.max_bytes:
        raise _err(_errno.ENOSPC, path)
    st.written[m.mount_point] = used + nbytes


def _parent_virtual(norm):
    parent = norm.rsplit("/", 1)[0] or "/"
    return _where(parent)


# ------------------------------------------------------------------ primitives

def fs_stat(path):
    """(kind, size, mtime, mode) of the path: kind 'f' file, 'd' directory, 'o' other."""
    norm = _check_path(path)
    w = _where(norm)
    if w.mount is None:
        if w.virtual or norm == "/":
            return ("d", 4096, 0.0, 0o40555)
        raise _err(_errno.ENOENT, path)
    with _At(w, path) as at:
        st = _lstat(at)
    kind = "d" if _stat.S_ISDIR(st.st_mode) else "f" if _stat.S_ISREG(st.st_mode) else "o"
    mode = st.st_mode
    if w.mount.mode != "rw":
        mode &= ~0o222
    return (kind, st.st_size, st.st_mtime, mode)


def fs_listdir(path):
    """[(name, kind)] of the directory's entries, in the host's order."""
    norm = _check_path(path)
    w = _where(norm)
    if w.mount is None:
        if w.virtual or norm == "/":
            return [(c, "d") for c in (w.children or [])]
        raise _err(_errno.ENOENT, path)
    fd = _dir_fd(w.mount, w.parts, path)
    try:
        out = []
        with _os.scandir(fd) as it:
            for e in it:
                charge(1)
                if len(out) % 1024 == 0:
                    need(64 * (len(out) + 1024))
                try:
                    kind = ("d" if e.is_dir(follow_symlinks=False) else
                            "f" if e.is_file(follow_symlinks=False) else
                            "l" if e.is_symlink() else "o")
                except OSError:
                    kind = "o"
                out.append((e.name, kind))
        return out
    except OSError as e:
        raise _err(e.errno, path) from None
    finally:
        _os.close(fd)


def _open_file(w, path, flags):
    with _At(w, path) as at:
        if at.is_root:
            raise _err(_errno.EISDIR, path)
        try:
            return _os.open(at.name, flags | _os.O_NOFOLLOW | _os.O_CLOEXEC, 0o666, dir_fd=at.fd)
        except OSError as e:
            code = e.errno
            if code == _errno.ELOOP:
                code = _errno.EACCES
            raise _err(code, path) from None


def _file_fd(path, flags):
    norm = _check_path(path)
    w = _where(norm)
    if w.mount is None:
        if w.virtual or norm == "/":
            raise _err(_errno.EISDIR, path)
        if flags & _os.O_CREAT and _parent_virtual(norm).virtual:
            raise _err(_errno.EACCES, path)     # a new file beside the mount points
        raise _err(_errno.ENOENT, path)
    if flags & (_os.O_WRONLY | _os.O_RDWR | _os.O_CREAT | _os.O_TRUNC):
        _writable(w, path)
    fd = _open_file(w, path, flags)
    try:
        st = _os.fstat(fd)
    except OSError as e:
        _os.close(fd)
        raise _err(e.errno, path) from None
    if _stat.S_ISDIR(st.st_mode):
        _os.close(fd)
        raise _err(_errno.EISDIR, path)
    if not _stat.S_ISREG(st.st_mode):
        _os.close(fd)
        raise _err(_errno.EACCES, path)     # fifos, devices: never opened for sandbox code
    return w, fd, st


def fs_open(path, mode):
    """Check `path` opens with `mode` ('r', 'w', 'a', 'x', '+' for update): creates or
    truncates as the mode says. Returns the file's size."""
    mode = str.__str__(mode)
    if "x" in mode:
        flags = _os.O_WRONLY | _os.O_CREAT | _os.O_EXCL
    elif "w" in mode:
        flags = _os.O_WRONLY | _os.O_CREAT | _os.O_TRUNC
    elif "a" in mode:
        flags = _os.O_WRONLY | _os.O_CREAT
    else:
        flags = _os.O_RDONLY | _os.O_NONBLOCK
    if "+" in mode and flags != _os.O_RDONLY | _os.O_NONBLOCK:
        flags = (flags & ~_os.O_WRONLY) | _os.O_RDWR
    elif "+" in mode:
        flags = _os.O_RDWR
    w, fd, st = _file_fd(path, flags)
    _os.close(fd)
    return st.st_size


def fs_read(path, offset, n):
    """Up to `n` bytes (all with n < 0) of the file from `offset`, the size checked against
    the memory limit before reading."""
    if type(offset) is not int or type(n) is not int or offset < 0:
        raise TypeError("bad read")
    w, fd, st = _file_fd(path, _os.O_RDONLY | _os.O_NONBLOCK)
    try:
        avail = max(0, st.st_size - offset)
        if n < 0 or n > avail:
            n = avail
        need(n + 64)
        charge(n // 4096 + 1)
        chunks = []
        got = 0
        while got < n:
            data = _os.pread(fd, min(n - got, 1 << 24), offset + got)
            if not data:
                break
            chunks.append(data)
            got += len(data)
        return b"".join(chunks)
    except OSError as e:
        raise _err(e.errno, path) from None
    finally:
        _os.close(fd)


def _codec(encoding):
    enc = str.__str__(encoding).lower()
    info = _ENCODINGS_CACHE.get(enc)
    if info is None:
        if len(enc) > 64:
            raise LookupError(f"unknown encoding: {enc}")
        info = _codecs.lookup(enc)
        if not getattr(info, "_is_text_encoding", True):
            raise LookupError(f"{encoding!r} is not a text encoding; use codecs.open() to handle "
                              f"arbitrary codecs")
        _ENCODINGS_CACHE[enc] = info
    return info


_ERRORS = frozenset(["strict", "ignore", "replace", "surrogateescape", "backslashreplace",
                     "xmlcharrefreplace", "surrogatepass", "namereplace"])


def fs_read_text(path, offset, n, encoding, errors):
    """(text, bytes consumed, at end) of up to `n` bytes from `offset` (n < 0: to the end),
    decoded; an incomplete multi-byte sequence at the end of a chunk is left for the next."""
    if type(errors) is not str or errors not in _ERRORS:
        raise LookupError(f"unknown error handler name {errors!r}")
    info = _codec(encoding)
    data = fs_read(path, offset, n)
    end = n < 0 or len(data) < n
    need(4 * len(data) + 64)
    dec = info.incrementaldecoder(errors)
    text = dec.decode(data, final=end)
    left = len(dec.getstate()[0]) if not end else 0
    return text, len(data) - left, end


def fs_write(path, offset, data, append):
    """Write `data` at `offset` (at the end when `append`); returns the offset after it."""
    append = append is True
    if type(data) is not bytes:
        raise TypeError("bad write")
    if type(offset) is not int or offset < 0:
        raise TypeError("bad write")
    w, fd, st = _file_fd(path, _os.O_WRONLY | (_os.O_APPEND if append else 0))
    try:
        if append:
            offset = st.st_size
        growth = max(0, offset + len(data) - st.st_size)
        _charge_write(w, path, max(len(data), growth))
        charge(len(data) // 4096 + 1)
        done = 0
        while done < len(data):
            if append:
                k = _os.write(fd, data[done:done + (1 << 24)])
            else:
                k = _os.pwrite(fd, data[done:done + (1 << 24)], offset + done)
            if k <= 0:
                break
            done += k
        return offset + done
    except OSError as e:
        raise _err(e.errno, path) from None
    finally:
        _os.close(fd)


def fs_truncate(path, size):
    if type(size) is not int or size < 0:
        raise TypeError("bad truncate")
    w, fd, st = _file_fd(path, _os.O_WRONLY)
    try:
        _charge_write(w, path, size - st.st_size)
        _os.ftruncate(fd, size)
        return size
    except OSError as e:
        raise _err(e.errno, path) from None
    finally:
        _os.close(fd)


def fs_mkdir(path):
    norm = _check_path(path)
    w = _where(norm)
    if w.mount is None:
        if w.virtual or norm == "/":
            raise _err(_errno.EEXIST, path)
        pw = _parent_virtual(norm)
        raise _err(_errno.EACCES if pw.virtual else _errno.ENOENT, path)
    if not w.parts:
        raise _err(_errno.EEXIST, path)
    _writable(w, path)
    with _At(w, path) as at:
        try:
            _os.mkdir(at.name, 0o777, dir_fd=at.fd)
        except OSError as e:
            raise _err(e.errno, path) from None


def fs_remove(path, directory):
    """unlink (or rmdir with `directory`) inside a writable mount."""
    directory = directory is True
    norm = _check_path(path)
    w = _where(norm)
    if w.mount is None:
        raise _err(_errno.EACCES if (w.virtual or norm == "/") else _errno.ENOENT, path)
    _writable(w, path)
    if not w.parts:
        raise _err(_errno.EBUSY, path)
    # the entry itself, not what a symlink named so points to
    parts = w.parts
    fd = _dir_fd(w.mount, parts[:-1], path)
    try:
        st = _os.stat(parts[-1], dir_fd=fd, follow_symlinks=False)
        if directory:
            _os.rmdir(parts[-1], dir_fd=fd)
        else:
            if _stat.S_ISDIR(st.st_mode):
                raise _err(_errno.EISDIR, path)
            _os.unlink(parts[-1], dir_fd=fd)
    except OSError as e:
        if e.filename == path:
            raise
        raise _err(e.errno, path) from None
    finally:
        _os.close(fd)


def fs_rename(src, dst):
    """rename inside one writable mount (os.rename / os.replace)."""
    ns, nd = _check_path(src), _check_path(dst)
    ws, wd = _where(ns), _where(nd)
    for w, p, n in ((ws, src, ns), (wd, dst, nd)):
        if w.mount is None:
            outside = w.virtual or n == "/" or (w is wd and _parent_virtual(n).virtual)
            raise _err(_errno.EACCES if outside else _errno.ENOENT, p)
        _writable(w, p)
        if not w.parts:
            raise _err(_errno.EBUSY, p)
    if ws.mount is not wd.mount:
        raise OSError(_errno.EXDEV, _os.strerror(_errno.EXDEV), src, None, dst)
    sparts, dparts = ws.parts, wd.parts
    sfd = _dir_fd(ws.mount, sparts[:-1], src)
    try:
        dfd = _dir_fd(wd.mount, dparts[:-1], dst)
        try:
            _os.rename(sparts[-1], dparts[-1], src_dir_fd=sfd, dst_dir_fd=dfd)
        except OSError as e:
            raise OSError(e.errno, _os.strerror(e.errno), src, None, dst) from None
        finally:
            _os.close(dfd)
    finally:
        _os.close(sfd)


def fs_cwd():
    """The starting working directory: the first mount point given."""
    st = _state()
    if not st.mounts:
        return "/"
    return st.first


def fs_environ():
    env = _state().environ
    return dict(env) if env else {}


private_helpers(fs_stat=fs_stat, fs_listdir=fs_listdir, fs_open=fs_open, fs_read=fs_read,
                fs_read_text=fs_read_text, fs_write=fs_write, fs_truncate=fs_truncate,
                fs_mkdir=fs_mkdir, fs_remove=fs_remove, fs_rename=fs_rename, fs_cwd=fs_cwd,
                fs_environ=fs_environ)


def _open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
          opener=None):
    """open(): the `os` module's sandbox-Python open_, built for the running sandbox."""
    from . import _core
    from .modules import os as _os_module
    vm = _core.current_vm()
    if not has_files(vm):
        raise NameError("name 'open' is not defined")
    fn = _os_module.function(vm, "open_")
    return fn(file, mode, buffering, encoding, errors, newline, closefd, opener)


def builtins():
    """The builtins of a Sandbox with files=: everyone's, with `open` (the function is
    registered as '.open' too, the name snapshots record). The private helpers of every
    module are registered first, so the copy misses none."""
    from ._shared import BUILTINS
    from .modules import _discover
    _discover()
    return dict(BUILTINS, open=BUILTINS[".open"])


_open.__name__ = _open.__qualname__ = "open"
private_helpers(open=_open)
