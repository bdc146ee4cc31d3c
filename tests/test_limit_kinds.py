"""Limits as one concept: the immutable Limits, the table from each limit kind to its field,
code, error and message, the limits a run reads when it starts, the meter the core gives the
policy layer, the one size model, and imports that point down."""

import ast
import dataclasses
import pathlib
import re
import sys

import pytest

import monty
from monty import _core, limits as L, policy

DEFAULTS = dict(max_duration=5.0, max_memory=256 * 1024 * 1024, max_allocations=None,
                max_recursion_depth=1000, max_wall_time=None, max_host_calls=None,
                max_output=1 << 20)


# ------------------------------------------------------------------ Limits, immutable and typed

def test_limits_keeps_its_keywords_defaults_and_repr():
    lim = monty.Limits()
    assert {f: getattr(lim, f) for f in DEFAULTS} == DEFAULTS
    assert [name for name, _ in L.FIELDS] == list(DEFAULTS)
    assert repr(lim) == ("Limits(max_duration=5.0, max_memory=268435456, max_allocations=None, "
                         "max_recursion_depth=1000, max_wall_time=None, max_host_calls=None, "
                         "max_output=1048576)")
    assert monty.Limits(max_recursion_depth=None).max_recursion_depth == 100_000


def test_limits_are_immutable_and_derived_with_replace():
    lim = monty.Limits(max_duration=2.0)
    with pytest.raises(AttributeError):
        lim.max_duration = 3.0
    with pytest.raises(AttributeError):
        lim.other = 1
    assert lim.max_duration == 2.0
    lim2 = lim.replace(max_memory=10_000_000)
    assert (lim2.max_duration, lim2.max_memory, lim.max_memory) == (2.0, 10_000_000, DEFAULTS["max_memory"])
    assert dataclasses.replace(lim, max_output=0).max_output == 0
    assert lim == monty.Limits(max_duration=2.0) and hash(lim) == hash(monty.Limits(max_duration=2.0))


@pytest.mark.parametrize("changes, error", [
    ({"max_duration": "1"}, TypeError), ({"max_memory": 1.5}, TypeError),
    ({"max_host_calls": True}, TypeError), ({"max_duration": 0}, ValueError),
    ({"max_output": -1}, ValueError), ({"max_recursion_depth": 0}, ValueError),
])
def test_limits_check_their_values_when_built_or_replaced(changes, error):
    with pytest.raises(error):
        monty.Limits(**changes)
    with pytest.raises(error):
        monty.Limits().replace(**changes)


# ------------------------------------------------------------------ one table of kinds

def test_each_kind_names_a_field_a_core_code_and_a_limit_error():
    fields = {name for name, _ in L.FIELDS}
    for kind in L.KINDS:
        assert kind.field in fields
        assert issubclass(kind.error, monty.MontyLimitError)
        assert isinstance(kind.code, _core.LimitCode)
    # every code the core raises for a limit has a kind (NONE and ABORT are not limits)
    codes = {kind.code for kind in L.KINDS}
    assert codes == set(_core.LimitCode) - {_core.LimitCode.LIMIT_NONE, _core.LimitCode.LIMIT_ABORT}


FIRES = {
    "max_duration": (dict(max_duration=0.2), "while True: pass", None,
                     r"time limit of 0\.2 s exceeded"),
    "max_wall_time": (dict(max_duration=None, max_wall_time=0.2), "while True: pass", None,
                      r"wall time limit of 0\.2 s exceeded"),
    "max_memory": (dict(max_memory=10_000_000), "x = []\nwhile True: x.append(str(len(x)))", None,
                   r"memory limit of 10000000 bytes exceeded \(about (\d+) bytes live\)"),
    "max_allocations": (dict(max_allocations=1000), "x = [[] for i in range(10**5)]", None,
                        r"allocation limit of 1000 exceeded"),
    "max_host_calls": (dict(max_host_calls=3), "for i in range(10): f()", {"f": lambda: 1},
                       r"host call limit of 3 exceeded"),
}


@pytest.mark.parametrize("kind", L.KINDS, ids=lambda k: k.field)
def test_each_kind_fires_with_its_error_and_message(kind):
    limits, code, functions, message = FIRES[kind.field]
    sb = monty.Sandbox(functions=functions, limits=monty.Limits(**limits))
    with pytest.raises(kind.error) as info:
        sb.run(code)
    m = re.fullmatch(message, str(info.value))
    assert m, str(info.value)
    if kind.field == "max_memory":      # the figure reached: past the limit, not absurdly so
        assert 10_000_000 < int(m.group(1)) < 64 << 20


def test_a_memory_limit_in_mib_is_written_in_mib():
    sb = monty.Sandbox(limits=monty.Limits(max_memory=16 << 20))
    with pytest.raises(monty.MontyMemoryLimitError,
                       match=r"^memory limit of 16 MiB exceeded \(about \d+ MiB live\)$"):
        sb.run("x = []\nwhile True: x.append(str(len(x)))")


def test_the_core_carries_codes_not_names():
    e = _core.LimitExceeded(_core.LimitCode.LIMIT_HOST_CALLS, -1)
    err = L.limit_error(e, monty.Limits(max_host_calls=7))
    assert type(err) is monty.MontyHostCallLimitError and str(err) == "host call limit of 7 exceeded"
    err = L.limit_error(_core.LimitExceeded(_core.LimitCode.LIMIT_MEMORY, 3 << 20),
                        monty.Limits(max_memory=2 << 20))
    assert str(err) == "memory limit of 2 MiB exceeded (about 3.0 MiB live)"
    err = L.limit_error(_core.LimitExceeded(_core.LimitCode.LIMIT_MEMORY, -1),
                        monty.Limits(max_memory=2 << 20))
    assert str(err) == "memory limit of 2 MiB exceeded"


# ------------------------------------------------------------------ read once, when a run starts

def test_sandbox_limits_are_replaced_as_a_whole_and_read_at_the_next_run():
    sb = monty.Sandbox(limits=monty.Limits(max_recursion_depth=50))
    deep = "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nf(400)"
    with pytest.raises(monty.MontyRuntimeError, match="recursion"):
        sb.run(deep)
    sb.limits = sb.limits.replace(max_recursion_depth=2000)
    assert sb.limits.max_recursion_depth == 2000
    assert sb.run(deep) == 400          # the frame array grew to the new depth
    assert sb.run("import sys\nsys.getrecursionlimit()") == 2000
    sb.limits = sb.limits.replace(max_recursion_depth=30)
    with pytest.raises(monty.MontyRuntimeError, match="recursion"):
        sb.run("def g(n):\n    return 0 if n == 0 else 1 + g(n - 1)\ng(100)")
    out = []
    sb2 = monty.Sandbox(limits=monty.Limits(max_output=10), print_callback=out.append)
    sb2.run("print('x' * 50)")
    assert "x" * 11 not in "".join(out) and "output cut" in "".join(out)
    sb2.limits = sb2.limits.replace(max_output=None)
    out.clear()
    sb2.run("print('x' * 50)")
    assert "".join(out) == "x" * 50 + "\n"
    with pytest.raises(TypeError):
        sb.limits = {"max_duration": 1}


def test_a_paused_program_keeps_the_limits_it_started_with():
    sb = monty.Sandbox(functions={"f": None}, limits=monty.Limits(max_host_calls=None))
    step = sb.start("f()\nf()\nf()\n'done'")
    assert isinstance(step, monty.Call)
    sb.limits = monty.Limits(max_host_calls=0)
    step = step.resume(1)
    step = step.resume(2)
    assert isinstance(step, monty.Call)
    assert step.resume(3).value == "done"
    # the next run reads the new limits
    with pytest.raises(monty.MontyHostCallLimitError, match="host call limit of 0 exceeded"):
        sb.start("f()")


# ------------------------------------------------------------------ the meter

def test_the_core_gave_policy_its_meter_for_every_hook():
    for name in policy.HOOKS:
        hook = getattr(policy, name)
        assert getattr(hook, "__module__", None) == "monty._core", name


def test_a_meter_missing_a_hook_is_refused_and_changes_nothing():
    before = {name: getattr(policy, name) for name in policy.HOOKS}

    class Partial:
        precheck = staticmethod(lambda n: None)
    with pytest.raises(TypeError, match="precheck_steps"):
        policy.attach(Partial())
    assert {name: getattr(policy, name) for name in policy.HOOKS} == before


# ------------------------------------------------------------------ one size model

@pytest.mark.parametrize("n", [0, 1, 10, 1000])
def test_the_size_model_matches_cpython_for_what_it_sizes(n):
    # (a list counts its item table as the allocator rounds it: never less than getsizeof)
    assert 0 <= policy.list_size(n) - sys.getsizeof([None] * n) <= 32
    assert policy.tuple_size(n) == sys.getsizeof(tuple(range(n)) if n else ())
    assert policy.bytes_size(n) == sys.getsizeof(b"x" * n)
    assert policy.str_size(n, 0) == sys.getsizeof("a" * n)
    assert policy.hashed_size(n) >= sys.getsizeof(set(range(n)))
    assert policy.hashed_size(n) >= sys.getsizeof(dict.fromkeys(range(n)))


# ------------------------------------------------------------------ imports point down

_ROOT = pathlib.Path(monty.__file__).parent
_ABOVE = {"__init__.py", "__main__.py", "cli.py", "mcp.py", "bench.py", "_bench_rivals.py"}


def _below_root():
    for path in sorted(_ROOT.rglob("*")):
        rel = path.relative_to(_ROOT)
        if path.suffix not in (".py", ".pxi", ".pyx") or rel.parts[0] in ("integrations", "durable"):
            continue
        if len(rel.parts) == 1 and rel.name in _ABOVE:
            continue
        if "_sandbox" in rel.parts[:-1]:        # sandbox Python sources, not host modules
            continue
        yield path, rel


def test_no_module_below_the_package_root_imports_from_it():
    submodules = {p.name.split(".")[0] for p in _ROOT.iterdir()
                  if (p.suffix in (".py", ".so", ".pyd") or p.is_dir()) and p.name != "__init__.py"}
    bad = []
    for path, rel in _below_root():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            nodes = [n for n in ast.walk(ast.parse(text)) if isinstance(n, (ast.Import, ast.ImportFrom))]
        else:   # Cython: the Python import statements, line by line
            nodes = []
            for line in text.splitlines():
                s = line.strip()
                if s.startswith(("from ", "import ")) and "cimport" not in s:
                    try:
                        nodes.extend(n for n in ast.walk(ast.parse(s))
                                     if isinstance(n, (ast.Import, ast.ImportFrom)))
                    except SyntaxError:
                        pass
        depth = len(rel.parts) - 1      # packages between the root and this file
        for node in nodes:
            if isinstance(node, ast.Import):
                bad += [(str(rel), a.name) for a in node.names if a.name == "monty"]
                continue
            root = (node.level == 0 and node.module == "monty") or (
                node.level == depth + 1 and node.module is None)
            if root:
                bad += [(str(rel), a.name) for a in node.names if a.name not in submodules]
    assert bad == []


def test_run_async_steps_read_the_same_limits_as_run_including_wall_time():
    import asyncio
    import time

    async def wait(s):
        await asyncio.sleep(s)

    sb = monty.Sandbox(functions={"wait": wait},
                       limits=monty.Limits(max_duration=5.0, max_wall_time=0.3))
    t0 = time.perf_counter()
    with pytest.raises(monty.MontyTimeLimitError, match=r"^wall time limit of 0\.3 s exceeded$"):
        asyncio.run(sb.run_async("await wait(0.5)\nwhile True: pass"))
    assert time.perf_counter() - t0 < 2.0
    sb.limits = monty.Limits(max_duration=0.2)
    with pytest.raises(monty.MontyTimeLimitError, match=r"^time limit of 0\.2 s exceeded$"):
        asyncio.run(sb.run_async("await wait(0.3)\nwhile True: pass"))
    assert asyncio.run(sb.run_async("await wait(0.01)\n41 + 1")) == 42
