"""Files through a mount: open(), os, os.path and pathlib's I/O over monty.MountDir.

Differential: each snippet runs under CPython over a real temporary directory (its cwd, with
'/data' in the snippet rewritten to the directory's path) and under monty over a mount of a
copy of it at /data; value or exception, printed output and the directory trees afterwards
must agree. Then the refusals (escapes, read-only mounts, max_bytes, the memory limit), and
open files across a dump/load."""

import contextlib
import io
import os
import shutil
import sys
import threading

import pytest

import monty
from conformance import reference_outcome

DATA = "/data"


def _fill(root):
    os.makedirs(os.path.join(root, "sub", "deep"))
    with open(os.path.join(root, "a.txt"), "w", encoding="utf-8") as f:
        f.write("alpha\nbeta\ngamma\n")
    with open(os.path.join(root, "u.txt"), "w", encoding="utf-8") as f:
        f.write("héllo wörld ✓\nzwei\n")
    with open(os.path.join(root, "crlf.txt"), "wb") as f:
        f.write(b"one\r\ntwo\rthree\nfour")
    with open(os.path.join(root, "b.bin"), "wb") as f:
        f.write(bytes(range(256)) + b"\nend")
    with open(os.path.join(root, "sub", "n.txt"), "w") as f:
        f.write("nested")
    with open(os.path.join(root, "sub", "deep", "d.csv"), "w") as f:
        f.write("x,y\n1,2\n")
    open(os.path.join(root, "empty.txt"), "w").close()


def _tree(root):
    out = {}
    for d, dirs, files in os.walk(root):
        rel = os.path.relpath(d, root)
        out[rel] = "dir"
        for n in files:
            with open(os.path.join(d, n), "rb") as f:
                out[os.path.join(rel, n)] = f.read()
    return out


def _rewrite(value, real):
    if isinstance(value, str):
        return value.replace(real, DATA)
    if isinstance(value, (list, tuple)):
        return type(value)(_rewrite(v, real) for v in value)
    if isinstance(value, dict):
        return {_rewrite(k, real): _rewrite(v, real) for k, v in value.items()}
    return value


@pytest.fixture
def dirs(tmp_path):
    real = tmp_path / "real"
    copy = tmp_path / "copy"
    real.mkdir()
    _fill(str(real))
    shutil.copytree(real, copy)
    return str(real), str(copy)


def cpython_outcome(code, real):
    cwd = os.getcwd()
    os.chdir(real)
    try:
        return _rewrite(reference_outcome(code.replace(DATA, real)), real)
    finally:
        os.chdir(cwd)


def monty_outcome(code, copy, mode="rw", **kw):
    out = []
    sb = monty.Sandbox(files=[monty.MountDir(copy, DATA, mode=mode)],
                       print_callback=out.append, **kw)
    try:
        return ("value", sb.run(code), "".join(out))
    except monty.MontyRuntimeError as e:
        return ("raise", e.exc_type, e.message, "".join(out))


SNIPPETS = [
    # readlines(hint) stops once the lines read exceed the hint (not when they reach it)
    """
r = []
for hint in (-1, 0, 1, 2, 3, 4, 6, None):
    with open('a.txt') as f:
        r.append(f.readlines(hint))
    with open('b.bin', 'rb') as f:
        r.append(f.readlines(hint))
r
""",
    # reading text: read, read(n), readline, readlines, iteration, tell/seek
    """
f = open('a.txt')
import io
r = [f.read(3), f.readline(), f.tell(), f.readline(), f.readlines(), f.read(), f.tell(),
     type(f).__name__, isinstance(f, io.TextIOBase), isinstance(f, io.IOBase),
     isinstance(open('b.bin', 'rb'), io.BufferedIOBase), type(open('b.bin', 'rb')).__name__,
     type(open('b.bin', 'wb')).__name__, type(open('b.bin', 'r+b')).__name__,
     isinstance(f, io.BufferedIOBase), f.readable(), f.writable(), f.seekable(), f.mode,
     f.name, f.encoding]
f.seek(0)
r.append(list(f))
f.close()
r.append(f.closed)
r
""",
    """
with open('/data/u.txt', encoding='utf-8') as f:
    r = [f.read(4), f.read(3), f.readline(), f.read()]
r
""",
    """
with open('u.txt') as f:
    a = f.readline()
    t = f.tell()
    f.seek(0)
    b = f.read(2)
(a, t, b)
""",
    # universal newlines and newline=''
    """
r = [open('crlf.txt').read(), open('crlf.txt', newline='').read(), list(open('crlf.txt')),
     list(open('crlf.txt', newline='')), open('crlf.txt').read(5)]
r
""",
    # binary reads
    """
with open('b.bin', 'rb') as f:
    r = [f.read(4), f.tell(), f.seek(-3, 2), f.read(), f.seek(10), len(f.readline()),
         f.readline(), f.read(), f.mode, f.name]
r
""",
    # writing: w, a, x, writelines, r+, w+, binary update
    """
with open('new.txt', 'w') as f:
    n = f.write('first\\n')
    f.writelines(['x\\n', 'y\\n'])
with open('new.txt', 'a') as f:
    f.write('appended\\n')
r = [n, open('new.txt').read()]
try:
    open('new.txt', 'x')
except FileExistsError as e:
    r.append(str(e))
with open('fresh.txt', 'x') as f:
    f.write('made')
with open('new.txt', 'r+') as f:
    f.write('FIRST')
    r.append(f.read())
with open('w.txt', 'w+') as f:
    f.write('abc')
    f.seek(0)
    r.append(f.read())
with open('b.bin', 'r+b') as f:
    f.seek(2)
    f.write(b'XY')
    f.seek(0)
    r.append(f.read(5))
r
""",
    """
f = open('/data/a.txt', 'a')
r = [f.tell(), f.write('delta\\n'), f.tell()]
f.close()
r.append(open('/data/a.txt').read())
r
""",
    # errors CPython gives for misuse
    """
def _closed_read():
    f = open('a.txt')
    f.close()
    f.read()
r = []
for fn in [lambda: open('missing.txt'),
             lambda: open('sub'),
             lambda: open('a.txt', 'rw'),
             lambda: open('a.txt', 'z'),
             lambda: open('a.txt', 'rb', encoding='utf-8'),
             lambda: open('a.txt', 'w').read(),
             lambda: open('a.txt').write('x'),
             lambda: open('b.bin', 'wb').write('s'),
             lambda: open('a.txt', 'w').write(b'x'),
             lambda: open('sub/deep/nope/x.txt', 'w'),
             lambda: _closed_read(),
             lambda: open('a.txt', 'q+'),
             lambda: open('a.txt', newline='x'),
             lambda: open('a.txt').seek(1, 1),
             lambda: open(3.5),
             lambda: open('a.txt', encoding='no-such-codec')]:
    try:
        fn()
        r.append('ok')
    except Exception as e:
        r.append((type(e).__name__, str(e)))
r
""",
    # pathlib
    """
from pathlib import Path
p = Path('/data')
r = [(p / 'a.txt').read_text(), (p / 'b.bin').read_bytes()[:3], (p / 'a.txt').exists(),
     (p / 'zz').exists(), (p / 'sub').is_dir(), (p / 'sub').is_file(), (p / 'a.txt').is_file(),
     sorted(x.name for x in p.iterdir()), sorted(str(x) for x in p.glob('*.txt')),
     sorted(str(x) for x in p.glob('sub/*')), sorted(str(x) for x in p.rglob('*.csv')),
     (p / 'a.txt').stat().st_size, (p / 'sub' / 'n.txt').read_text()]
q = p / 'made' / 'deeper'
q.mkdir(parents=True)
q.mkdir(parents=True, exist_ok=True)
r.append((q / 'f.txt').write_text('written'))
r.append((q / 'g.bin').write_bytes(b'\\x00\\x01'))
r.append(sorted(x.name for x in q.iterdir()))
(q / 'g.bin').unlink()
r.append((q / 'g.bin').exists())
with (q / 'f.txt').open() as f:
    r.append(f.read())
with (q / 'f.txt').open('a') as f:
    f.write('!')
r.append((q / 'f.txt').read_text())
r.append(str(Path('a.txt').absolute()))
r.append(str(Path.cwd()))
r
""",
    """
from pathlib import Path
r = []
for fn in [lambda: Path('/data/nope.txt').read_text(),
             lambda: Path('/data/sub').mkdir(),
             lambda: Path('/data/x/y').mkdir(),
             lambda: Path('/data/nope').unlink(),
             lambda: Path('/data/sub').read_text(),
             lambda: Path('/data/nope').stat()]:
    try:
        fn()
        r.append('ok')
    except Exception as e:
        r.append((type(e).__name__, str(e)))
Path('/data/nope').unlink(missing_ok=True)
r
""",
    # os and os.path
    """
import os, os.path
r = [sorted(os.listdir('/data')), sorted(os.listdir()), os.getcwd(),
     sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir('/data')),
     os.path.exists('a.txt'), os.path.isfile('/data/a.txt'), os.path.isdir('/data/sub'),
     os.path.isdir('a.txt'), os.path.exists('/data/zz'), os.path.getsize('/data/b.bin'),
     os.path.join('/data', 'sub', 'n.txt'), os.path.basename('/data/sub/n.txt'),
     os.path.dirname('/data/sub/n.txt'), os.path.splitext('/data/x.tar.gz'),
     os.path.split('/data/sub/'), os.path.abspath('sub/../a.txt'), os.path.normpath('a//b/./c/..'),
     os.path.isabs('/x'), os.path.relpath('/data/sub/deep', '/data'), os.path.splitext('.bashrc')]
os.makedirs('/data/m1/m2/m3')
os.makedirs('/data/m1/m2', exist_ok=True)
os.mkdir('/data/m1/solo')
with open('/data/m1/f.txt', 'w') as f:
    f.write('f')
os.rename('/data/m1/f.txt', '/data/m1/g.txt')
os.replace('/data/m1/g.txt', '/data/m1/h.txt')
r.append(sorted(os.listdir('/data/m1')))
os.remove('/data/m1/h.txt')
os.rmdir('/data/m1/solo')
r.append(sorted(os.listdir('/data/m1')))
r.append(sorted((d.replace(os.getcwd(), '.'), sorted(ds), sorted(fs)) for d, ds, fs in os.walk('/data/sub')))
r.append(os.stat('a.txt').st_size)
r
""",
    """
import os
r = []
for fn in [lambda: os.listdir('/data/a.txt'),
             lambda: os.listdir('/data/nope'),
             lambda: os.remove('/data/sub'),
             lambda: os.rmdir('/data/sub'),
             lambda: os.rmdir('/data/a.txt'),
             lambda: os.makedirs('/data/sub'),
             lambda: os.mkdir('/data/q/r'),
             lambda: os.rename('/data/nope', '/data/x'),
             lambda: os.path.getsize('/data/nope'),
             lambda: os.remove('/data/nope'),
             lambda: os.stat('/data/nope'),
             lambda: os.getenv(1),
             lambda: os.mkdir('/data/a.txt')]:
    try:
        fn()
        r.append('ok')
    except Exception as e:
        r.append((type(e).__name__, str(e)))
r
""",
    # the working directory
    """
import os
os.chdir('sub')
r = [os.getcwd(), sorted(os.listdir()), open('n.txt').read(), open('../a.txt').readline(),
     os.path.abspath('x')]
os.chdir('..')
r.append(os.getcwd())
try:
    os.chdir('a.txt')
except OSError as e:
    r.append((type(e).__name__, str(e)))
r
""",
    # path-likes: bytes, str subclasses, objects with __fspath__
    """
import os
class S(str):
    def __add__(self, other):
        return 'hijacked'
class P:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p
r = [open(b'/data/a.txt').readline(), open(S('a.txt')).readline(), open(P('/data/a.txt')).readline(),
     os.path.exists(P('a.txt')), sorted(os.listdir(b'/data'))[:2], os.fspath(P('x')),
     os.path.join(b'a', b'b')]
for fn in [lambda: open(P(3)),
             lambda: os.path.join('a', b'b'),
             lambda: open(None),
             lambda: os.fspath(3)]:
    try:
        fn()
        r.append('ok')
    except Exception as e:
        r.append((type(e).__name__, str(e)))
r
""",
    # argument and mode errors as CPython words them: a binary file names the refused
    # operation, a negative position is EINVAL, Path methods are named Path.x() in errors
    """
from pathlib import Path
import io
r = []
p = Path('/data/b.bin')
for fn in [lambda: open('/data/b.bin', 'rb').write(b'x'),
           lambda: open('/data/w.bin', 'wb').read(),
           lambda: open('/data/w.bin', 'wb').readline(),
           lambda: open('/data/a.txt').write('x'),
           lambda: open('/data/b.bin', 'rb').seek(-1),
           lambda: open('/data/b.bin', 'rb').seek(-5000, 2),
           lambda: open('/data/b.bin', 'rb').seek(-1, 1),
           lambda: open('/data/b.bin', 'rb').seek(3, 7),
           lambda: open('/data/a.txt', None),
           lambda: open('/data/a.txt', mode=4),
           lambda: p.mkdir(0o777, False, False, 'extra'),
           lambda: p.mkdir(bogus=True),
           lambda: Path('/data/x.bin').write_bytes(12),
           lambda: Path('/data/x.bin').write_bytes('text')]:
    try:
        fn()
        r.append('ok')
    except Exception as e:
        r.append((type(e).__name__, str(e), isinstance(e, io.UnsupportedOperation)))
f = open('/data/b.bin', 'rb')
r.append([f.seek(10), f.seek(-4, 1), f.read(2), f.seek(-3, 2), f.read()])
r
""",
    # long names and NUL bytes, as the kernel and CPython refuse them
    """
import os
r = []
for fn in [lambda: open('/data/' + 'a' * 300),
             lambda: open('/data/a\\x00b'),
             lambda: open('a' * 5000),
             lambda: os.path.exists('/data/a\\x00b'),
             lambda: os.listdir('/data/\\x00')]:
    try:
        fn()
        r.append('ok')
    except Exception as e:
        r.append((type(e).__name__, str(e)))
r
""",
]


@pytest.mark.parametrize("code", SNIPPETS, ids=[f"snippet{i}" for i in range(len(SNIPPETS))])
def test_same_as_cpython_over_a_real_directory(dirs, code):
    real, copy = dirs
    expected = cpython_outcome(code, real)
    got = monty_outcome(code, copy)
    assert got == expected
    assert _tree(copy) == _tree(real)


# ---------------------------------------------------------------------------------------------
# refusals


def _run(sb, code):
    try:
        return ("value", sb.run(code))
    except monty.MontyRuntimeError as e:
        return ("raise", e.exc_type, e.message)


@pytest.fixture
def mounted(tmp_path):
    root = tmp_path / "root"
    outside = tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("SECRET")
    (root / "in.txt").write_text("inside")
    (root / "sub").mkdir()
    (root / "sub" / "f.txt").write_text("inside-f")
    os.symlink(str(outside / "secret.txt"), str(root / "link_out"))
    os.symlink(str(outside), str(root / "dir_out"))
    os.symlink("in.txt", str(root / "link_in"))
    os.symlink("../../outside/secret.txt", str(root / "rel_out"))
    return str(root), str(outside)


def _sandbox(root, mode="rw", **kw):
    return monty.Sandbox(files=[monty.MountDir(root, DATA, mode=mode)], **kw)


ENOENT = "[Errno 2] No such file or directory: "
EACCES = "[Errno 13] Permission denied: "
EROFS = "[Errno 30] Read-only file system: "


@pytest.mark.parametrize("code, expected", [
    ("open('/data/../etc/passwd').read()", ("FileNotFoundError", ENOENT + "'/data/../etc/passwd'")),
    ("open('../../../../etc/passwd').read()",
     ("FileNotFoundError", ENOENT + "'../../../../etc/passwd'")),
    ("open('/etc/passwd').read()", ("FileNotFoundError", ENOENT + "'/etc/passwd'")),
    ("open('/proc/self/environ').read()", ("FileNotFoundError", ENOENT + "'/proc/self/environ'")),
    ("open('/proc/self/fd/0').read()", ("FileNotFoundError", ENOENT + "'/proc/self/fd/0'")),
    ("open('/data/link_out').read()", ("PermissionError", EACCES + "'/data/link_out'")),
    ("open('/data/rel_out').read()", ("PermissionError", EACCES + "'/data/rel_out'")),
    ("open('/data/dir_out/secret.txt').read()",
     ("PermissionError", EACCES + "'/data/dir_out/secret.txt'")),
    ("import os; os.listdir('/data/dir_out')", ("PermissionError", EACCES + "'/data/dir_out'")),
    ("import os; os.stat('/data/link_out')", ("PermissionError", EACCES + "'/data/link_out'")),
    ("open('/data/link_out', 'w').write('x')", ("PermissionError", EACCES + "'/data/link_out'")),
    ("import pathlib; pathlib.Path('/data/dir_out/secret.txt').read_text()",
     ("PermissionError", EACCES + "'/data/dir_out/secret.txt'")),
    ("import os; os.listdir('/etc')", ("FileNotFoundError", ENOENT + "'/etc'")),
    ("open('/x.txt', 'w')", ("PermissionError", EACCES + "'/x.txt'")),
    ("open('/tmp/x.txt', 'w')", ("FileNotFoundError", ENOENT + "'/tmp/x.txt'")),
    ("import os; os.mkdir('/newdir')", ("PermissionError", EACCES + "'/newdir'")),
    ("import os; os.remove('/data')", ("OSError", "[Errno 16] Device or resource busy: '/data'")),
    ("import os; os.rename('/data/in.txt', '/data/../in.txt')",
     ("PermissionError", EACCES + "'/data/in.txt' -> '/data/../in.txt'")),
    ("import os; os.path.exists('/etc/passwd'), os.path.exists('/data/link_out')",
     ("value", (False, False))),
    ("import os; sorted(os.listdir('/'))", ("value", ["data"])),
    ("import os; os.path.isdir('/'), os.path.exists('/data')", ("value", (True, True))),
    ("open('/data/link_in').read()", ("value", "inside")),
    ("open('/data/sub/../in.txt').read()", ("value", "inside")),
    ("import os; [hasattr(os, n) for n in ('open', 'fdopen', 'system', 'popen', 'symlink', 'link',"
     " 'chmod', 'kill', 'execv', 'fork', 'putenv')]", ("value", [False] * 11)),
    ("import io; hasattr(io, 'open'), hasattr(io, 'FileIO')", ("value", (False, False))),
    ("import builtins; hasattr(builtins, 'open')", ("value", False)),
    ("import pathlib\nclass P(pathlib.Path): pass",
     ("TypeError", "cannot subclass pathlib.Path in the sandbox")),
    ("import pathlib\nclass P(pathlib.PosixPath): pass",
     ("TypeError", "cannot subclass pathlib.PosixPath in the sandbox")),
    ("import pathlib; pathlib.PurePosixPath('/data/in.txt').read_text()",
     ("AttributeError", "'PurePosixPath' object has no attribute 'read_text'")),
    ("open.__globals__", ("AttributeError",
                          "'function' object attribute '__globals__' is not accessible in the "
                          "sandbox")),
    # (a file object is sandbox data: its path is checked again by every access)
    ("f = open('/data/in.txt'); f._path = '/etc/passwd'; f.read()",
     ("FileNotFoundError", ENOENT + "'/data/in.txt'")),
    ("f = open('/data/in.txt'); f._path = '/data/../../outside/secret.txt'; f.read()",
     ("FileNotFoundError", ENOENT + "'/data/in.txt'")),
    ("f = open('/data/in.txt'); f._path = '/data/link_out'; f.read()",
     ("PermissionError", EACCES + "'/data/in.txt'")),
])
def test_escapes_are_refused(mounted, code, expected):
    root, _ = mounted
    got = _run(_sandbox(root), code)
    assert got == (expected if expected[0] == "value" else ("raise",) + expected)


def test_a_symlink_swapped_in_after_the_check_is_not_followed(mounted, monkeypatch):
    """A path through an in-mount symlink is checked by its realpath; between that check and
    the open, the real directory becomes a symlink to outside: the component-wise O_NOFOLLOW
    open refuses it."""
    root, outside = mounted
    from monty import mounts
    os.rename(os.path.join(root, "sub"), os.path.join(root, "sub_real"))
    os.symlink("sub_real", os.path.join(root, "sub"))
    shutil.copy(os.path.join(outside, "secret.txt"), os.path.join(outside, "f.txt"))
    assert _run(_sandbox(root), "open('/data/sub/f.txt').read()") == ("value", "inside-f")
    real_parts = mounts._real_parts
    swapped = []

    def check_then_swap(m, parts, path):
        result = real_parts(m, parts, path)
        if not swapped and "sub_real" in result:
            os.rename(os.path.join(root, "sub_real"), os.path.join(root, "sub_moved"))
            os.symlink(outside, os.path.join(root, "sub_real"))
            swapped.append(True)
        return result

    monkeypatch.setattr(mounts, "_real_parts", check_then_swap)
    got = _run(_sandbox(root), "open('/data/sub/f.txt').read()")
    assert swapped
    assert got == ("raise", "PermissionError", EACCES + "'/data/sub/f.txt'")


def test_symlink_swapping_thread_never_leaks(mounted):
    """A host thread swaps a directory of the mount with a symlink to outside as fast as it
    can while sandbox code reads through it: every read is the inside file or a refusal."""
    root, outside = mounted
    shutil.copy(os.path.join(outside, "secret.txt"), os.path.join(outside, "f.txt"))
    sub = os.path.join(root, "sub")
    real_dir = os.path.join(root, "sub_real")
    os.rename(sub, real_dir)
    stop = threading.Event()

    def swap():
        while not stop.is_set():
            for target in (real_dir, outside):
                tmp = sub + ".tmp"
                try:
                    os.symlink(os.path.relpath(target, root) if target == real_dir else target, tmp)
                    os.replace(tmp, sub)
                except OSError:
                    pass

    t = threading.Thread(target=swap)
    t.start()
    try:
        sb = _sandbox(root, limits=monty.Limits(max_duration=60))
        seen = sb.run("""
seen = set()
for i in range(1500):
    try:
        seen.add(open('/data/sub/f.txt').read())
    except OSError as e:
        seen.add(type(e).__name__)
sorted(seen)
""")
    finally:
        stop.set()
        t.join()
    assert "SECRET" not in seen
    assert set(seen) <= {"inside-f", "PermissionError", "FileNotFoundError"}
    assert "inside-f" in seen


def test_read_only_mount_refuses_every_write(mounted):
    root, _ = mounted
    sb = _sandbox(root, mode="r")
    for code, name in [("open('/data/in.txt', 'w')", "/data/in.txt"),
                       ("open('/data/new.txt', 'x')", "/data/new.txt"),
                       ("open('/data/in.txt', 'a')", "/data/in.txt"),
                       ("open('/data/in.txt', 'r+')", "/data/in.txt"),
                       ("import os; os.remove('/data/in.txt')", "/data/in.txt"),
                       ("import os; os.mkdir('/data/d')", "/data/d"),
                       ("import pathlib; pathlib.Path('/data/in.txt').write_text('x')",
                        "/data/in.txt")]:
        assert _run(sb, code) == ("raise", "PermissionError", EROFS + repr(name)), code
    assert _run(sb, "import os; os.rename('/data/in.txt', '/data/x.txt')") == (
        "raise", "PermissionError", EROFS + "'/data/in.txt' -> '/data/x.txt'")
    assert _run(sb, "open('/data/in.txt').read()") == ("value", "inside")
    with open(os.path.join(root, "in.txt")) as f:
        assert f.read() == "inside"


def test_max_bytes_caps_what_is_written(tmp_path):
    sb = monty.Sandbox(files=[monty.MountDir(str(tmp_path), DATA, mode="rw", max_bytes=100)])
    assert sb.run("open('/data/a', 'w').write('x' * 60)") == 60
    assert _run(sb, "open('/data/b', 'w').write('y' * 41)") == (
        "raise", "OSError", "[Errno 28] No space left on device: '/data/b'")
    assert sb.run("open('/data/b', 'w').write('y' * 40)") == 40
    # (overwriting counts again: the cap is on bytes written, not on the mount's size)
    assert _run(sb, "open('/data/a', 'w').write('z')") == (
        "raise", "OSError", "[Errno 28] No space left on device: '/data/a'")
    assert (tmp_path / "a").read_text() == ""     # truncated by open('w'), then refused
    # a sparse write far past the end counts the gap
    sb2 = monty.Sandbox(files=[monty.MountDir(str(tmp_path), DATA, mode="rw", max_bytes=1000)])
    assert _run(sb2, "f = open('/data/c', 'wb'); f.seek(10**12); f.write(b'x')") == (
        "raise", "OSError", "[Errno 28] No space left on device: '/data/c'")
    assert _run(sb2, "f = open('/data/c', 'wb'); f.truncate(10**9)")[1] == "OSError"
    assert os.path.getsize(tmp_path / "c") == 0


def test_big_reads_hit_the_memory_limit_before_reading(tmp_path):
    big = tmp_path / "big"
    with open(big, "wb") as f:
        f.truncate(10 << 30)        # 10 GB, sparse
    limits = monty.Limits(max_memory=64 << 20, max_duration=10)
    sb = monty.Sandbox(files=[monty.MountDir(str(tmp_path), DATA)], limits=limits)
    for code in ["open('/data/big', 'rb').read()", "open('/data/big').read()",
                 "import pathlib; pathlib.Path('/data/big').read_bytes()",
                 "open('/data/big', 'rb').readline()", "open('/data/big').readline()",
                 "open('/data/big', 'rb').read(1 << 33)"]:
        with pytest.raises(monty.MontyMemoryLimitError):
            sb.run(code)
    assert sb.run("len(open('/data/big', 'rb').read(1000))") == 1000


def test_without_files_nothing_is_there():
    sb = monty.Sandbox()
    assert _run(sb, "open('x')") == ("raise", "NameError", "name 'open' is not defined")
    assert _run(sb, "import os") == ("raise", "ModuleNotFoundError", "No module named 'os'")
    assert _run(sb, "import os.path") == ("raise", "ModuleNotFoundError", "No module named 'os'")
    assert _run(sb, "import pathlib; pathlib.Path('x').exists()") == (
        "raise", "AttributeError", "'PosixPath' object has no attribute 'exists'")


def test_environ():
    sb = monty.Sandbox(environ={"HOME": "/home/agent", "EMPTY": ""})
    assert sb.run("import os; (dict(os.environ), os.getenv('HOME'), os.getenv('NO'), "
                  "os.getenv('NO', 'd'), 'EMPTY' in os.environ, len(os.environ))") == (
        {"HOME": "/home/agent", "EMPTY": ""}, "/home/agent", None, "d", True, 2)
    assert _run(sb, "os.getenv(None)") == ("raise", "TypeError", "str expected, not NoneType")
    # environ only: os exists, open() and the files do not
    assert _run(sb, "open('x')") == ("raise", "NameError", "name 'open' is not defined")
    assert sb.run("os.listdir('/')") == []
    # a copy: sandbox changes stay in the sandbox
    env = {"A": "1"}
    sb2 = monty.Sandbox(environ=env)
    sb2.run("import os; os.environ['A'] = '2'; os.environ['B'] = '3'")
    assert env == {"A": "1"}
    # with files but no environ: empty
    sb3 = monty.Sandbox(files=[monty.MountDir(os.getcwd(), DATA)])
    assert sb3.run("import os; dict(os.environ)") == {}
    with pytest.raises(TypeError):
        monty.Sandbox(environ={"A": 1})


def test_mountdir_arguments(tmp_path):
    with pytest.raises(ValueError):
        monty.MountDir(str(tmp_path), "relative")
    with pytest.raises(ValueError):
        monty.MountDir(str(tmp_path), "/")
    with pytest.raises(ValueError):
        monty.MountDir(str(tmp_path), "/d", mode="w")
    with pytest.raises(ValueError):
        monty.MountDir(str(tmp_path / "missing"), "/d")
    with pytest.raises(TypeError):
        monty.Sandbox(files=["/tmp"])
    with pytest.raises(ValueError):
        monty.Sandbox(files=[monty.MountDir(str(tmp_path), "/d"),
                             monty.MountDir(str(tmp_path), "/d/e")])
    m = monty.MountDir(tmp_path, "/d/../e/", mode="rw", max_bytes=5)
    assert (m.mount_point, m.mode, m.max_bytes) == ("/e", "rw", 5)


def test_two_mounts_and_cross_mount_rename(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x.txt").write_text("from a")
    sb = monty.Sandbox(files=[monty.MountDir(str(a), "/in"), monty.MountDir(str(b), "/out", "rw")])
    assert sb.run("import os; os.getcwd(), sorted(os.listdir('/'))") == ("/in", ["in", "out"])
    assert sb.run("open('/out/y.txt', 'w').write(open('x.txt').read())") == 6
    assert (b / "y.txt").read_text() == "from a"
    assert _run(sb, "os.rename('/out/y.txt', '/in/y.txt')") == (
        "raise", "PermissionError", EROFS + "'/out/y.txt' -> '/in/y.txt'")
    sb2 = monty.Sandbox(files=[monty.MountDir(str(a), "/in", "rw"),
                               monty.MountDir(str(b), "/out", "rw")])
    assert _run(sb2, "import os; os.rename('/out/y.txt', '/in/y.txt')") == (
        "raise", "OSError", "[Errno 18] Invalid cross-device link: '/out/y.txt' -> '/in/y.txt'")


# ---------------------------------------------------------------------------------------------
# snapshots: an open file is its path, mode and position


def test_open_file_survives_dump_and_load_in_a_fresh_process(tmp_path):
    (tmp_path / "lines.txt").write_text("l1\nl2\nl3\n")
    files = [(str(tmp_path), DATA, "rw")]
    code = f"""
f = open('{DATA}/lines.txt')
first = f.readline()
got = get(1)
second = f.readline()
w = open('{DATA}/out.txt', 'w')
w.write('a')
get(2)
w.write('b')
w.close()
rest = f.read()
f.close()
(first, got, second, rest, open('{DATA}/out.txt').read())
"""
    from pausing import paused_run, cpython_run
    expected = cpython_run(code.replace(f"'{DATA}/", f"'{tmp_path}/"))
    for every in (1, 2):
        (tmp_path / "out.txt").unlink(missing_ok=True)
        got = paused_run(code, every=every, subprocess_steps=True, files=files)
        assert got == expected


def test_idle_sandbox_dump_keeps_an_open_file(tmp_path):
    (tmp_path / "t.txt").write_text("abc\ndef\n")
    sb = monty.Sandbox(files=[monty.MountDir(str(tmp_path), DATA)])
    sb.run("from pathlib import Path\nf = open('t.txt')\nfirst = f.readline()\np = Path('t.txt')")
    blob = sb.dump()
    sb2 = monty.Sandbox.load(blob, files=[monty.MountDir(str(tmp_path), DATA)])
    assert sb2.run("(first, f.readline(), f.tell(), p.read_text())") == (
        "abc\n", "def\n", 8, "abc\ndef\n")
    # loaded without files: os (which the open file needs) is refused by name
    with pytest.raises(monty.MontyError, match="needs module 'os': pass the files="):
        monty.Sandbox.load(blob)
    # loaded with another directory at /data: the file is looked up there
    other = tmp_path / "other"
    other.mkdir()
    sb3 = monty.Sandbox.load(blob, files=[monty.MountDir(str(other), DATA)])
    assert _run(sb3, "f.seek(0); f.read()") == ("raise", "FileNotFoundError",
                                               ENOENT + "'t.txt'")
    # loaded with the mount read-only: reading works, writing is refused
    sb4 = monty.Sandbox.load(blob, files=[monty.MountDir(str(tmp_path), DATA, "r")])
    assert sb4.run("f.read()") == "def\n"


def test_the_files_example_runs(capsys):
    import importlib.util
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples",
                        "files_demo.py")
    spec = importlib.util.spec_from_file_location("files_demo", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main()
    assert capsys.readouterr().out == (
        "apple: 5\nfig: 5\npear: 1\n"
        "refused: [Errno 30] Read-only file system: '/data/sales1.csv'\nfinance\n"
        "apple: 5\nfig: 5\npear: 1\n")


def test_two_tenants_with_files_cannot_change_what_the_other_sees(tmp_path):
    """The attack of test_gate (every attribute-setting spelling and mutator on every module,
    class and builtin reachable) run on os, os.path, pathlib's mount classes, open and file
    objects in one Sandbox with files, while another one's view stays the same."""
    import test_gate as gate
    prelude = ("import os, os.path, pathlib, io\nMODULES = [os, os.path, pathlib, io]\n"
               "f = open('/data/a.txt')\nb = open('/data/a.txt', 'rb')\n"
               "BUILTINS = [open, f, type(f), b, type(b), pathlib.Path('/data/a.txt'), "
               "pathlib.Path, pathlib.PosixPath, os.stat('/data/a.txt'), list(os.scandir('/data')),"
               " os.environ]\n")

    def tenant(name, seconds):
        d = tmp_path / name
        d.mkdir()
        (d / "a.txt").write_text("same")
        sb = monty.Sandbox(files=[monty.MountDir(str(d), DATA, "rw")], environ={"K": "v"},
                           limits=monty.Limits(max_duration=seconds, max_memory=512 << 20))
        sb.run(prelude)
        return sb

    fingerprint = gate._FINGERPRINT.replace("[fingerprint(b, 1) for b in BUILTINS]",
                                            "[fingerprint(x, 1) for x in BUILTINS if "
                                            "not isinstance(x, os.stat_result)]")
    victim = tenant("victim", 60.0)
    before = victim.run(fingerprint)
    attacker = tenant("attacker", 120.0)
    assert attacker.run(gate._ATTACK) > 100
    assert victim.run(fingerprint) == before
    assert victim.run("open('/data/a.txt').read(), os.environ") == ("same", {"K": "v"})
    assert len(tenant("late", 60.0).run(fingerprint)) == len(before)


PEER_STYLE = """
import sys, os
from pathlib import Path
assert Path('/virtual/file.txt').read_text('utf-8') == 'hello world\\n'
assert Path('/virtual/file.txt').read_text(encoding='UTF-8') == 'hello world\\n'
st = Path('/virtual/file.txt').stat()
assert st.st_size == 12 and st.st_mode & 0o777 == 0o644 and st.st_mode & 0o170000 == 0o100000
st_dir = Path('/virtual/subdir').stat()
assert st_dir.st_mode & 0o170000 == 0o040000 and st_dir.st_mode & 0o777 == 0o755, oct(st_dir.st_mode)
st2 = Path('/virtual/file.txt').stat()
assert st2[6] == 12 and st2[0] & 0o777 == 0o644
entries = list(Path('/virtual').iterdir())
assert len(entries) == 5
assert entries[0].parent == Path('/virtual')
assert str(Path('/virtual/subdir').absolute()) == '/virtual/subdir'
try:
    Path('/virtual/subdir').mkdir(exist_ok='')
    assert False
except OSError as exc:
    assert isinstance(exc, FileExistsError)
try:
    Path('/virtual/x/y/z').mkdir(parents=b'')
    assert False
except OSError as exc:
    assert isinstance(exc, FileNotFoundError)
Path('/virtual/p/q/r').mkdir(parents='yes')
Path('/virtual/old_name.txt').write_text('rename test')
Path('/virtual/old_name.txt').rename(Path('/virtual/new_name.txt'))
assert Path('/virtual/new_name.txt').read_text() == 'rename test'
Path('/virtual/new_file.txt').write_text('written with all defaults', 'utf-8', None, None)
assert os.path.normpath('/..') == '/' and os.path.normpath('../../a') == '../../a'
assert os.path.relpath('/a', '/a/b/c') == '../..' and os.path.relpath('/x', '/a/b') == '../../x'
assert os.path.commonpath(['/a/b', '/c/d']) == '/' and os.path.commonpath(['a/b/c', 'a/b/d']) == 'a/b'
assert os.path.commonprefix(['/a/bc', '/a/bd']) == '/a/b'
assert os.path.normcase('/A/b') == '/A/b' and os.path.expanduser('~/x') == '~/x'
open('/virtual/pathext.txt', 'w').write('x')
assert os.path.lexists('/virtual/pathext.txt') and not os.path.lexists('/virtual/definitely-absent')
assert isinstance(os.path.getmtime('/virtual/pathext.txt'), float)
env = os.environ
assert env['VIRTUAL_EMPTY'] == '' and len(env) == 3 and 'VIRTUAL_HOME' in env
sys.platform
"""


def test_what_the_peer_corpus_file_and_os_cases_exercise(tmp_path):
    """A fixture like the peer corpus's /virtual tree: pathlib I/O and stat, os.path,
    os.environ (its cases pass with this mount given)."""
    d = str(tmp_path)
    os.makedirs(f"{d}/subdir/deep")
    for name, data in [("file.txt", b"hello world\n"), ("empty.txt", b""),
                       ("data.bin", b"\x00\x01\x02\x03"), ("other.txt", b"x"),
                       ("subdir/nested.txt", b"nested content"), ("subdir/deep/file.txt", b"deep")]:
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    for p in (d, f"{d}/subdir", f"{d}/subdir/deep"):
        os.chmod(p, 0o755)
    for name in ("file.txt",):
        os.chmod(os.path.join(d, name), 0o644)
    sb = monty.Sandbox(files=[monty.MountDir(d, "/virtual", "rw")],
                       environ={"VIRTUAL_HOME": "/virtual/home", "VIRTUAL_USER": "testuser",
                                "VIRTUAL_EMPTY": ""})
    assert sb.run(PEER_STYLE) == sys.platform
    assert sb.run("Path('/virtual/file.txt').read_text(encoding=None, errors=None, "
                  "newline=None)") == "hello world\n"
