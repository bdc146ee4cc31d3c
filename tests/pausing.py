"""The pause harness: run a program under CPython with recording host functions, and under
monty's start() with every host call paused (and every `every`-th pause dumped, optionally
through a fresh process, and loaded); demand the same value or exception, printed output and
host-call sequence.

    assert_pauses_like_cpython(code)                # the default host functions below
    assert_pauses_like_cpython(code, impls={...})   # your own (plain data in and out)
"""

import ast
import builtins
import json
import os
import subprocess
import sys
import tempfile

import monty


def _get(x=None, *rest, **kw):
    if isinstance(x, int) and not isinstance(x, bool):
        return x * 10
    if isinstance(x, str):
        return x + "!"
    return [x, list(rest), sorted(kw)]


def _note(*args, **kwargs):
    return None


def _fail(x):
    raise KeyError(x)


IMPLS = {"get": _get, "note": _note, "fail": _fail}


def cpython_run(code, impls=IMPLS):
    """(("ok", value) or ("error", type name, message), host calls, printed chunks) under exec."""
    calls, out = [], []

    def rec(name):
        def f(*args, **kwargs):
            calls.append((name, args, kwargs))
            return impls[name](*args, **kwargs)
        f.__name__ = name
        return f

    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    ns = {"__builtins__": builtins, **{n: rec(n) for n in impls}}

    def _print(*a, sep=" ", end="\n", file=None, flush=False):
        out.append((" " if sep is None else sep).join(map(str, a)) + ("\n" if end is None else end))
    ns["print"] = _print
    try:
        exec(compile(tree, "<snippet>", "exec"), ns)
        value = eval(compile(ast.Expression(body=last.value), "<snippet>", "eval"), ns) \
            if last else None
        return ("ok", value), calls, out
    except Exception as e:
        return ("error", type(e).__name__, str(e)), calls, out


_CHILD = r"""
import json, sys, monty
names = sys.argv[2].split(",")
files = [monty.MountDir(*m) for m in json.loads(sys.argv[3])] if len(sys.argv) > 3 else None
data = open(sys.argv[1], 'rb').read()
step = monty.load(data, functions={n: None for n in names}, files=files)
open(sys.argv[1], 'wb').write(step.dump())
"""


def _mounts(files):
    """monty.MountDir values from (host path, mount point, mode) triples, or None."""
    return None if files is None else [monty.MountDir(*m) for m in files]


def roundtrip_in_subprocess(blob, names, files=None):
    """`blob` loaded (with mounts made from `files` triples) and dumped again by a fresh
    interpreter process."""
    with tempfile.NamedTemporaryFile(delete=False) as fh:
        fh.write(blob)
        path = fh.name
    try:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(monty.__file__)))
        extra = [] if files is None else [json.dumps(files)]
        subprocess.run([sys.executable, "-c", _CHILD, path, ",".join(names)] + extra,
                       check=True, env=env, timeout=60)
        with open(path, "rb") as fh:
            return fh.read()
    finally:
        os.unlink(path)


def paused_run(code, impls=IMPLS, every=1, subprocess_steps=False, limits=None, files=None):
    """Like cpython_run, under monty's start(): each host call is a pause answered by the
    host; every `every`-th pause (none if `every` is 0) is dumped and loaded (through a
    fresh process if `subprocess_steps`) before it is answered. `files`: (host path, mount
    point, mode) triples mounted in the sandbox and again at each load."""
    calls, out = [], []
    fns = {n: None for n in impls}
    sb = monty.Sandbox(functions=fns, print_callback=out.append, limits=limits,
                       files=_mounts(files))
    try:
        step = sb.start(code)
        n = 0
        while isinstance(step, (monty.Call, monty.Pending)):
            if isinstance(step, monty.Pending):
                if every and n % every == 0:
                    blob = step.dump()
                    if subprocess_steps:
                        blob = roundtrip_in_subprocess(blob, list(impls), files)
                    step = monty.load(blob, functions=fns, print_callback=out.append,
                                      files=_mounts(files))
                n += 1
                results, errors = {}, {}
                for c in step.calls:
                    calls.append((c.function_name, c.args, c.kwargs))
                    try:
                        results[c.call_id] = impls[c.function_name](*c.args, **c.kwargs)
                    except Exception as e:
                        errors[c.call_id] = e
                step = step.resume(results=results, errors=errors)
                continue
            calls.append((step.function_name, step.args, step.kwargs))
            if every and n % every == 0:
                blob = step.dump()
                if subprocess_steps:
                    blob = roundtrip_in_subprocess(blob, list(impls), files)
                step = monty.load(blob, functions=fns, print_callback=out.append,
                                  files=_mounts(files))
                assert (step.function_name, step.args, step.kwargs) == calls[-1]
            n += 1
            try:
                result = impls[step.function_name](*step.args, **step.kwargs)
            except Exception as e:
                step = step.resume_error(e)
            else:
                step = step.resume(result)
        value = ("ok", step.value)
    except monty.MontyRuntimeError as e:
        value = ("error", e.exc_type, e.message)
    return value, calls, out


def run_straight(code, impls=IMPLS):
    """Like cpython_run, under monty's run() with the host functions called directly."""
    calls, out = [], []

    def rec(name):
        def f(*args, **kwargs):
            calls.append((name, args, kwargs))
            return impls[name](*args, **kwargs)
        return f

    sb = monty.Sandbox(functions={n: rec(n) for n in impls}, print_callback=out.append)
    try:
        value = ("ok", sb.run(code))
    except monty.MontyRuntimeError as e:
        value = ("error", e.exc_type, e.message)
    return value, calls, out


def assert_pauses_like_cpython(code, impls=IMPLS, subprocess_steps=False):
    """CPython's result, printed output and host calls, under run() and under start() with
    every pause dumped/loaded and with every second pause dumped/loaded."""
    expected = cpython_run(code, impls)
    assert expected[1], f"the program makes no host call:\n{code}"
    got = run_straight(code, impls)
    assert got == expected, f"run() differs:\n{code}\nCPython: {expected}\nmonty:   {got}"
    for every in (1, 2):
        got = paused_run(code, impls, every=every, subprocess_steps=subprocess_steps)
        assert got == expected, (f"start() with dump/load every {every} differs:\n{code}\n"
                                 f"CPython: {expected}\nmonty:   {got}")


def load_ok_or_monty_error(data, functions, steps):
    """Load (possibly doctored) snapshot bytes and resume up to `steps` times: each step either
    works or fails with a MontyError, never anything else."""
    try:
        step = monty.load(data, functions=functions, limits=monty.Limits(max_duration=1.0))
    except monty.MontyError:
        return
    assert isinstance(step, monty.Call)
    for _ in range(steps):
        try:
            step = step.resume(1)
        except monty.MontyError:
            return
        if not isinstance(step, monty.Call):
            return
