"""Several Sandboxes in one process, in several threads: the process-wide one-time work (the
module registry's first load, the code cache, the snapshot tables) is safe under concurrent
first use, and one tenant's code never changes what another's imports give; the message of an
escaping exception is costed before it is built."""

import json
import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest

import monty
from monty import modules as _modules

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------------------------------------------------------------------------------------------
# the module registry's first load, in a fresh process, from several threads at once

_CHILD = r"""
import json, sys, threading
sys.path.insert(0, sys.argv[1])
import monty
from monty import modules as M

names = json.loads(sys.argv[2])
nthreads = int(sys.argv[3])
# every module imported, and a signature of what each gives
code = "\n".join(f"import {n} as m{i}" for i, n in enumerate(names)) + "\n" + (
    "[" + ", ".join(f"({n!r}, sorted(dir(m{i})))" for i, n in enumerate(names)) + "]")
snap = "import json, re, collections\nx = fetch(json.dumps({'a': [1, 2]}))\n" \
       "str(collections.Counter('abca').most_common(1)) + x + re.sub('a', 'b', 'aa')"

results = [None] * nthreads
barrier = threading.Barrier(nthreads)

def work(i):
    barrier.wait()
    try:
        value = monty.Sandbox().run(code)
        # a snapshot's name tables are built on first use too
        sb = monty.Sandbox(functions={"fetch": None})
        call = sb.start(snap)
        blob = call.dump()
        step = monty.load(blob, functions={"fetch": None}).resume("!")
        results[i] = ["ok", value, step.value]
    except BaseException as e:
        results[i] = ["error", f"{type(e).__name__}: {e}"]

threads = [threading.Thread(target=work, args=(i,)) for i in range(nthreads)]
for t in threads:
    t.start()
for t in threads:
    t.join()
sys.stdout.write(json.dumps(results))
"""


def _all_module_names():
    return _modules.available()


def _child(names, nthreads):
    proc = subprocess.run([sys.executable, "-c", _CHILD, ROOT, json.dumps(names), str(nthreads)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_registry_lists_every_module():
    names = _all_module_names()
    assert "textwrap" in names and "asyncio" in names and "collections.abc" in names
    assert len(names) >= 30


def test_first_imports_from_many_threads_agree_with_one_thread():
    names = _all_module_names()
    (single,) = _child(names, 1)
    assert single[0] == "ok", single
    assert [n for n, _ in single[1]] == names
    for _ in range(3):
        results = _child(names, 6)
        for r in results:
            assert r == single


# ---------------------------------------------------------------------------------------------
# the code cache


def test_code_cache_concurrent_use_and_eviction():
    from monty.compiler import CodeCache
    cache = CodeCache(monty._core.Code, size=3)
    errors = []
    barrier = threading.Barrier(6)

    def work(k):
        barrier.wait()
        try:
            for i in range(300):
                src = f"x = {(i * 7 + k) % 11}\nx + 1"
                code = cache.get(src)
                assert code is cache.get(src) or True
        except BaseException as e:
            errors.append(repr(e))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(cache.entries) <= 3


def test_program_with_an_internal_modules_source_does_not_stand_in_for_it():
    """A program whose text is asyncio's own source compiles as an ordinary program: another
    tenant's `import asyncio` still gets the module (its globals kept apart)."""
    from monty.modules import asyncio as _aio
    a = monty.Sandbox()
    try:
        a.run(_aio.SOURCE)
    except monty.MontyError:
        pass
    b = monty.Sandbox()
    assert b.run("run = 5\nimport asyncio\nasync def f():\n    return 7\n"
                 "(asyncio.run(f()), run)") == (7, 5)
    for name in ("sleep", "_state", "gather"):
        with pytest.raises(monty.MontyRuntimeError, match="NameError"):
            b.run(name)


def test_two_tenants_in_threads_keep_their_imports_apart():
    """Two tenants import the same modules in two threads; what one sets on a module or its
    classes never shows in the other's."""
    out = {}
    barrier = threading.Barrier(2)

    def tenant(name, value):
        sb = monty.Sandbox()
        barrier.wait()
        try:
            for i in range(30):
                sb.run(f"import json, collections, textwrap\nmine = {value!r}\n"
                       f"d = collections.OrderedDict(a={value!r})")
            out[name] = sb.run("(mine, d['a'], textwrap.shorten('a b c d e f', 9), "
                               "json.dumps([mine]))")
        except BaseException as e:
            out[name] = repr(e)

    threads = [threading.Thread(target=tenant, args=(n, v)) for n, v in (("a", 1), ("b", "two"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == {"a": (1, 1, "a b [...]", "[1]"), "b": ("two", "two", "a b [...]", '["two"]')}
