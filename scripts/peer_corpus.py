"""Run a peer conformance corpus (pydantic/monty's `crates/monty/test_cases/*.py`) under
CPython and under monty, and count the cases monty passes among those CPython passes.

    python scripts/peer_corpus.py PEER_CHECKOUT [-k SUBSTRING] [-v] [--cpython-cache FILE]

PEER_CHECKOUT is a checkout of the peer repository (it must hold `crates/monty/test_cases/`
and, for the CPython side, `scripts/test_fixtures.py` and `scripts/run_traceback.py`). Nothing
of it is copied here: the cases are read from that path at run time.

Each case is a Python file whose last line may state what it must do:
`# Return=<repr>`, `# Return.str=<str>`, `# Return.type=<type name>`, `# Raise=Type('msg')`,
a trailing `\"\"\"\\nTRACEBACK:\\n...\"\"\"` block, or nothing (it must run without an
exception). Directives in comments: `# xfail=cpython` (the case is not CPython's behaviour:
left out), `# call-external` (host functions add_ints, make_point, ... are given),
`# run-async` (top-level await), `# mount-fs` (a fixture tree is mounted at /mnt and `root` is
`Path('/mnt')`). Cases touching `/virtual` get the peer's virtual tree as a real directory
mounted there with `monty.MountDir`, and its environment as `environ=`.

The CPython side runs each case in a child process (the peer's fixtures patch `os` and
`pathlib` globally); its results can be cached with --cpython-cache.
"""

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

CASES = os.path.join("crates", "monty", "test_cases")
RECURSION_LIMIT = 50         # the peer's runner runs both interpreters at this depth
MARK = "@@peer-verdict@@ "
TB_MARKER = '"""\nTRACEBACK:\n'

VIRTUAL_TREE = {             # the peer's /virtual fixture, as files on disk
    "file.txt": (b"hello world\n", 0o644),
    "data.bin": (b"\x00\x01\x02\x03", 0o644),
    "empty.txt": (b"", 0o644),
    "subdir/nested.txt": (b"nested content", 0o644),
    "subdir/deep/file.txt": (b"deep", 0o644),
    "readonly.txt": (b"readonly", 0o444),
}
VIRTUAL_ENV = {"VIRTUAL_HOME": "/virtual/home", "VIRTUAL_USER": "testuser", "VIRTUAL_EMPTY": ""}
MOUNT_TREE = {               # the peer's `# mount-fs` fixture
    "hello.txt": b"hello world\n",
    "empty.txt": b"",
    "data.bin": b"\x00\x01\x02\x03",
    "subdir/nested.txt": b"nested content",
    "subdir/deep/file.txt": b"deep file",
    "readonly.txt": b"readonly content",
}
CONSTANTS = {"CONST_INT": 42, "CONST_STR": "hello", "CONST_FLOAT": 3.14, "CONST_BOOL": True,
             "CONST_LIST": [1, 2, 3], "CONST_NONE": None}


# ---------------------------------------------------------------------------- parsing

def parse_case(text):
    """(code, (kind, expected), config) as the peer's runner reads a fixture."""
    lines = text.split("\n") if "\r\n" not in text else text.replace("\r\n", "\n").split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    comments = [ln.lstrip("#").strip() for ln in lines if ln.startswith("#")]
    cfg = {
        "mount_fs": any(c.startswith("mount-fs") for c in comments),
        "async": any(c.startswith("run-async") for c in comments),
        "xfail_cpython": False,
        "xfail_monty": False,
    }
    cfg["iter"] = cfg["mount_fs"] or any(c.startswith("call-external") for c in comments)
    for c in comments:
        if c.startswith("xfail="):
            word = c.split()[0]
            cfg["xfail_cpython"] = "cpython" in word
            cfg["xfail_monty"] = "monty" in word
    norm = "\n".join(lines)
    if TB_MARKER in norm:
        code, _, rest = norm.partition(TB_MARKER)
        tb, _, _ = rest.partition('\n"""')
        return code.rstrip(), ("traceback", tb), cfg
    last = lines[-1] if lines else ""
    for prefix, kind in (("# ref-counts=", "none"), ("# Return.str=", "str"),
                         ("# Return.type=", "type"), ("# Return=", "repr"), ("# Raise=", "raise")):
        if last.startswith(prefix):
            return "\n".join(lines[:-1]), (kind, last[len(prefix):]), cfg
    return "\n".join(lines), ("none", ""), cfg


def split_last_expression(code, kind):
    """(statements, expression or None): a Return case's value is its last non-empty line."""
    lines = code.split("\n")
    idx = max(i for i, ln in enumerate(lines) if ln.strip())
    if kind in ("repr", "str", "type"):
        last = lines[idx].strip()
        if last.startswith(("assert ", "assert(")):
            return "\n".join(lines[:idx + 1]), None
        return "\n".join(lines[:idx]), last
    return "\n".join(lines[:idx + 1]), None


def wrap_async(code, kind):
    """CPython has no top-level await: the peer's runner wraps the case in a coroutine."""
    lines = code.split("\n")
    idx = max(i for i, ln in enumerate(lines)
              if ln.strip() and not ln.strip().startswith("#"))
    body = "\n".join(("    " + ln) if ln else "" for ln in lines)
    ret = f"\n    return {lines[idx].strip()}" if kind in ("repr", "str", "type") else ""
    wrapped = (f"import asyncio\nasync def __test_main():\n{body}{ret}\n"
               f"__test_result__ = asyncio.run(__test_main())")
    return wrapped, ("__test_result__" if ret else None)


def exc_text(type_name, arg0):
    if not arg0:
        return f"{type_name}()"
    if "'" in arg0:
        return f'{type_name}("{arg0}")'
    return f"{type_name}('{arg0}')"


def render(kind, value_repr, value_str, value_type):
    return {"repr": value_repr, "str": value_str, "type": value_type}[kind]


def make_tree(root, tree):
    for rel, data in tree.items():
        mode = None
        if isinstance(data, tuple):
            data, mode = data
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        if mode is not None:
            os.chmod(path, mode)


# ---------------------------------------------------------------------------- CPython

def cpython_one(peer, name):
    """Run one case under this CPython (called in a child process); print a JSON verdict."""
    sys.path.insert(0, os.path.join(peer, "scripts"))
    import test_fixtures                        # the peer's fixtures: patches os and pathlib
    path = os.path.join(peer, CASES, name)
    with open(path, encoding="utf-8") as f:
        code, (kind, expected), cfg = parse_case(f.read())
    if kind == "traceback":
        import run_traceback
        got = run_traceback.run_file_and_get_traceback(path, RECURSION_LIMIT, cfg["iter"],
                                                       cfg["async"]) or ""
        return {"ok": got == expected, "got": got}
    g = dict(test_fixtures.exported_globals)
    tmp = None
    if cfg["mount_fs"]:
        tmp = tempfile.mkdtemp()
        make_tree(tmp, MOUNT_TREE)
        from pathlib import Path
        g["root"] = Path(tmp)
    if cfg["async"]:
        stmts, expr = wrap_async(code, kind)
    else:
        stmts, expr = split_last_expression(code, kind)
    try:
        exec(compile(stmts, name, "exec"), g)
        if expr is None:
            if kind == "raise":
                return {"ok": False, "got": "no exception raised"}
            return {"ok": True, "got": ""}
        v = eval(expr, g)
        got = render(kind, repr(v), str(v), type(v).__name__) if kind != "raise" else "no exception"
    except BaseException as e:                  # noqa: BLE001 - the case's own exception
        arg0 = e.args[0] if e.args and isinstance(e.args[0], str) else ""
        got = exc_text(type(e).__name__, arg0)
        if kind != "raise":
            return {"ok": False, "got": got}
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return {"ok": got == expected, "got": got}


def cpython_all(peer, names, cache):
    known = {}
    if cache and os.path.exists(cache):
        with open(cache) as f:
            known = json.load(f)
    for name in names:
        if name in known:
            continue
        try:
            p = subprocess.run([sys.executable, __file__, peer, "--cpython-one", name],
                               capture_output=True, text=True, timeout=60)
            out = [ln[len(MARK):] for ln in p.stdout.splitlines() if ln.startswith(MARK)]
            known[name] = json.loads(out[-1]) if out else \
                {"ok": False, "got": "child failed: " + p.stderr[-300:]}
        except subprocess.TimeoutExpired:
            known[name] = {"ok": False, "got": "timeout"}
    if cache:
        with open(cache, "w") as f:
            json.dump(known, f, indent=0, sort_keys=True)
    return known


# ---------------------------------------------------------------------------- monty

def host_functions():
    """The peer's call-external functions (plain-data ones; the dataclass makers too)."""
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Point:
        x: int
        y: int

    @dataclass
    class MutablePoint:
        x: int
        y: int

    @dataclass(frozen=True)
    class User:
        name: str
        active: bool = True

    @dataclass
    class Empty:
        pass

    def raise_error(exc_type, message):
        raise {"ValueError": ValueError, "TypeError": TypeError, "KeyError": KeyError,
               "RuntimeError": RuntimeError}[exc_type](message)

    async def async_call(x):
        return x

    async def async_fail(exc_type, message):
        raise_error(exc_type, message)

    return {
        "add_ints": lambda a, b: a + b,
        "concat_strings": lambda a, b: a + b,
        "return_value": lambda x: x,
        "get_list": lambda: [1, 2, 3],
        "raise_error": raise_error,
        "make_point": lambda: Point(1, 2),
        "make_mutable_point": lambda: MutablePoint(1, 2),
        "make_user": lambda name: User(name, True),
        "make_empty": lambda: Empty(),
        "async_call": async_call,
        "async_fail": async_fail,
    }


def normalize_traceback(text):
    sys.path.insert(0, os.path.join(PEER, "scripts"))
    from run_traceback import normalize_debug_range
    return "\n".join(map(normalize_debug_range, text.splitlines())).rstrip()


def monty_one(peer, name):
    import monty
    path = os.path.join(peer, CASES, name)
    with open(path, encoding="utf-8") as f:
        code, (kind, expected), cfg = parse_case(f.read())
    tmp = tempfile.mkdtemp()
    files, environ, inputs, functions = [], None, None, None
    try:
        if "/virtual" in code:
            make_tree(os.path.join(tmp, "virtual"), VIRTUAL_TREE)
            os.chmod(os.path.join(tmp, "virtual"), 0o755)
            files.append(monty.MountDir(os.path.join(tmp, "virtual"), "/virtual", "rw"))
            environ = dict(VIRTUAL_ENV)
        elif "environ" in code or "getenv" in code:
            environ = dict(VIRTUAL_ENV)
        if cfg["mount_fs"]:
            make_tree(os.path.join(tmp, "mnt"), MOUNT_TREE)
            files.append(monty.MountDir(os.path.join(tmp, "mnt"), "/mnt", "rw"))
        if cfg["iter"]:
            functions = host_functions()
            inputs = dict(CONSTANTS)
        sb = monty.Sandbox(functions=functions,
                           limits=monty.Limits(max_duration=4.0,
                                               max_recursion_depth=RECURSION_LIMIT),
                           files=files or None, environ=environ, print_callback=lambda s: None)
        if cfg["mount_fs"]:
            sb.run("from pathlib import Path as __P\nroot = __P('/mnt')\ndel __P")
        stmts, expr = split_last_expression(code, kind)
        try:
            if kind == "traceback":
                sb.run(code + "\npass", inputs=inputs)
                return {"ok": False, "got": "no exception raised"}
            sb.run(stmts + "\npass", inputs=inputs)      # (no value to carry out)
            if expr is None:
                if kind == "raise":
                    return {"ok": False, "got": "no exception raised"}
                return {"ok": True, "got": ""}
            if kind == "raise":
                sb.run(expr + "\npass")
                return {"ok": False, "got": "no exception raised"}
            fn = {"repr": "repr", "str": "str", "type": "(lambda v: type(v).__name__)"}[kind]
            got = sb.run(f"{fn}(\n{expr}\n)")
        except monty.MontyRuntimeError as e:
            if kind == "traceback":
                got = normalize_traceback(e.display().replace('File "<string>"', f'File "{name}"'))
                return {"ok": got == expected, "got": got}
            msg = e.message or ""
            if e.exc_type == "KeyError" and msg:
                try:
                    msg = ast.literal_eval(msg)
                    msg = msg if isinstance(msg, str) else ""
                except (ValueError, SyntaxError):
                    pass
            got = exc_text(e.exc_type, msg)
            if kind != "raise":
                return {"ok": False, "got": got}
        except monty.MontySyntaxError as e:
            if kind == "traceback":      # (runpy prints a compile error under this header)
                got = normalize_traceback("Traceback (most recent call last):\n" + e.display()
                                          .replace('File "<string>"', f'File "{name}"'))
                return {"ok": got == expected, "got": got}
            tname, sep, msg = (e.message or "").partition(": ")
            if not (sep and tname.endswith("Error")):
                tname, msg = "SyntaxError", e.message
            got = exc_text(tname, msg)
            if kind != "raise":
                return {"ok": False, "got": got}
        except monty.MontyError as e:
            return {"ok": False, "got": f"{type(e).__name__}: {e}"}
        return {"ok": got == expected, "got": got}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


PEER = None


def main():
    global PEER
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("peer")
    ap.add_argument("-k", default="")
    ap.add_argument("-v", action="store_true", help="print each failure")
    ap.add_argument("--cpython-cache")
    ap.add_argument("--cpython-one")
    ap.add_argument("--json", help="write the per-case verdicts here")
    a = ap.parse_args()
    PEER = os.path.abspath(a.peer)
    # this checkout's monty (the script lives in its scripts/ directory)
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if a.cpython_one:
        verdict = cpython_one(PEER, a.cpython_one)
        sys.stdout.flush()
        print("\n" + MARK + json.dumps(verdict))
        return 0
    names = sorted(n for n in os.listdir(os.path.join(PEER, CASES))
                   if n.endswith(".py") and a.k in n)
    xfail = set()
    for n in names:
        with open(os.path.join(PEER, CASES, n), encoding="utf-8") as f:
            if parse_case(f.read())[2]["xfail_cpython"]:
                xfail.add(n)
    cp = cpython_all(PEER, [n for n in names if n not in xfail], a.cpython_cache)
    eligible = [n for n in names if n not in xfail and cp[n]["ok"]]
    results, failed = {}, []
    t0 = time.perf_counter()
    for n in eligible:
        try:
            r = monty_one(PEER, n)
        except Exception as e:                  # noqa: BLE001 - a runner bug is a failure too
            r = {"ok": False, "got": f"runner: {type(e).__name__}: {e}"}
        results[n] = r
        if not r["ok"]:
            failed.append(n)
            if a.v:
                print(f"FAIL {n}: {r['got'][:600]}")
    print(f"cases: {len(names)}, xfail=cpython: {len(xfail)}, "
          f"CPython {sys.version.split()[0]} passes: {len(eligible)}, "
          f"monty passes: {len(eligible) - len(failed)}/{len(eligible)} "
          f"({time.perf_counter() - t0:.1f} s)")
    for n in failed:
        print("  failed:", n)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"cpython": cp, "monty": results}, f, indent=1, sort_keys=True)
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
