"""The host side of async code and of live sessions: `Sandbox.run_async` on the caller's event
loop, futures under `start()` (`monty.Pending`), `Sandbox.dump` / `Sandbox.load`, and the
immutable stdlib values (datetime, Decimal, Fraction, UUID) that cross the boundary."""

import ast
import asyncio
import datetime
import decimal
import fractions
import os
import subprocess
import sys
import threading
import time
import uuid

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import monty


def arun(coro):
    return asyncio.run(coro)


async def cpython_run(code, ns):
    """CPython's own run of `code` with top-level await: the value of its last expression."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    r = eval(compile(tree, "<snippet>", "exec", flags=flags), ns)
    if asyncio.iscoroutine(r):
        await r
    if last is None:
        return None
    r = eval(compile(ast.Expression(body=last.value), "<snippet>", "eval", flags=flags), ns)
    return (await r) if asyncio.iscoroutine(r) else r


# ---------------------------------------------------------------------------------------------
# 6. futures under start()


async def fetch(x):
    return x * 10


FANOUT = """
import asyncio
log = []
async def one(i):
    r = await fetch(i)
    log.append(i)
    return r + 1
results = await asyncio.gather(*(one(i) for i in range(4)))
results, log
"""


def _reload(step, functions):
    """Dump and load again (every pause of these tests goes through a snapshot)."""
    blob = step.dump(secret=b"k")
    return monty.load(blob, functions=functions, secret=b"k")


def test_pending_lists_every_gathered_call_with_ids():
    sb = monty.Sandbox(functions={"fetch": fetch})
    step = sb.start(FANOUT)
    assert isinstance(step, monty.Pending)
    assert [(c.function_name, c.args, c.kwargs) for c in step.calls] == [
        ("fetch", (i,), {}) for i in range(4)]
    ids = [c.call_id for c in step.calls]
    assert len(set(ids)) == 4 and all(type(i) is int for i in ids)
    step = _reload(step, {"fetch": fetch})
    assert [c.call_id for c in step.calls] == ids
    done = step.resume(results={i: c.args[0] * 10 for i, c in zip(ids, step.calls)})
    assert isinstance(done, monty.Done)
    assert done.value == ([1, 11, 21, 31], [0, 1, 2, 3])


def test_pending_answered_in_any_order_and_subsets():
    sb = monty.Sandbox(functions={"fetch": fetch})
    step = sb.start(FANOUT)
    ids = {c.args[0]: c.call_id for c in step.calls}
    order = [3, 1, 0, 2]
    for k, arg in enumerate(order):
        step = _reload(step, {"fetch": fetch})
        assert isinstance(step, monty.Pending)
        assert sorted(c.args[0] for c in step.calls) == sorted(order[k:])
        assert all(ids[c.args[0]] == c.call_id for c in step.calls)
        step = step.resume(results={ids[arg]: arg * 100})
    assert isinstance(step, monty.Done)
    assert step.value == ([1, 101, 201, 301], order)


def test_pending_errors_raise_where_awaited():
    code = """
import asyncio
async def one(i):
    try:
        return await fetch(i)
    except KeyError as e:
        return 'missing ' + str(e)
await asyncio.gather(one(1), one(2))
"""
    sb = monty.Sandbox(functions={"fetch": fetch})
    step = _reload(sb.start(code), {"fetch": fetch})
    a, b = step.calls
    done = step.resume(results={a.call_id: 5}, errors={b.call_id: KeyError("x")})
    assert done.value == [5, "missing 'x'"]


def test_call_in_a_pending_answers_just_itself():
    sb = monty.Sandbox(functions={"fetch": fetch})
    step = sb.start(FANOUT)
    step = _reload(step, {"fetch": fetch})
    while isinstance(step, monty.Pending):
        step = step.calls[-1].resume(step.calls[-1].args[0])
    assert step.value == ([1, 2, 3, 4], [3, 2, 1, 0])


def test_sync_host_calls_still_pause_as_call_with_id():
    code = """
import asyncio
async def one(i):
    a = await fetch(i)
    return note(a)
await asyncio.gather(one(1), one(2))
"""
    sb = monty.Sandbox(functions={"fetch": fetch, "note": None})
    step = sb.start(code)
    seen = []
    while not isinstance(step, monty.Done):
        step = _reload(step, {"fetch": fetch, "note": None})
        if isinstance(step, monty.Pending):
            seen.append(("pending", sorted(c.args for c in step.calls)))
            step = step.resume({c.call_id: c.args[0] * 10 for c in step.calls})
        else:
            assert isinstance(step, monty.Call) and type(step.call_id) is int
            seen.append(("call", step.function_name, step.args))
            step = step.resume(step.args[0] + 1)
    assert step.value == [11, 21]
    assert seen == [("pending", [(1,), (2,)]), ("call", "note", (10,)), ("call", "note", (20,))]


def test_futures_result_matches_cpython_and_run():
    code = """
import asyncio
async def pair(i):
    a, b = await asyncio.gather(fetch(i), fetch(i + 1))
    return a + b
async def main():
    t = asyncio.create_task(pair(10))
    x = await pair(1)
    return x, await t, [await fetch(k) for k in range(3)]
await main()
"""
    sb = monty.Sandbox(functions={"fetch": fetch})
    step = sb.start(code)
    answered = 0
    while isinstance(step, monty.Pending):
        step = _reload(step, {"fetch": fetch})
        step = step.resume({c.call_id: c.args[0] * 10 for c in step.calls})
        answered += 1
    assert answered >= 3
    expected = arun(cpython_run(code, {"fetch": fetch}))
    assert step.value == expected == (30, 210, [0, 10, 20])
    assert monty.Sandbox(functions={"fetch": fetch}).run(code) == expected


def test_pending_resume_validation():
    sb = monty.Sandbox(functions={"fetch": fetch})
    step = sb.start(FANOUT)
    cid = step.calls[0].call_id
    with pytest.raises(ValueError):
        step.resume()
    with pytest.raises(ValueError):
        step.resume(results={999: 1})
    with pytest.raises(ValueError):
        step.resume(results={cid: 1}, errors={cid: KeyError()})
    with pytest.raises(TypeError):
        step.resume(errors={cid: "not an exception"})
    with pytest.raises(TypeError):
        step.resume(results={cid: object()})
    nxt = step.resume(results={cid: 1})         # (the refused answers changed nothing)
    assert isinstance(nxt, monty.Pending) and len(nxt.calls) == 3
    with pytest.raises(monty.MontyError):
        step.resume(results={cid: 1})
    sb.run("1")
    with pytest.raises(monty.MontyError):
        nxt.resume(results={nxt.calls[0].call_id: 1})


_PENDING_CHILD = r"""
import sys, monty
data = open(sys.argv[1], 'rb').read()
step = monty.load(data, functions={'fetch': None})
assert isinstance(step, monty.Pending), step
calls = step.calls
# answer the last one in this process, hand the rest back
step = step.resume(results={calls[-1].call_id: calls[-1].args[0] * 7})
open(sys.argv[1], 'wb').write(step.dump() if not isinstance(step, monty.Done) else b'')
"""


def test_pending_roundtrip_in_fresh_processes():
    import tempfile
    sb = monty.Sandbox(functions={"fetch": fetch})     # (async: its calls are futures)
    code = FANOUT.replace("range(4)", "range(3)")
    blob = sb.start(code).dump()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(monty.__file__)))
    rounds = 0
    while True:
        with tempfile.NamedTemporaryFile(delete=False) as fh:
            fh.write(blob)
            path = fh.name
        try:
            subprocess.run([sys.executable, "-c", _PENDING_CHILD, path], check=True, env=env,
                           timeout=60)
            with open(path, "rb") as fh:
                nxt = fh.read()
        finally:
            os.unlink(path)
        rounds += 1
        if not nxt:
            break
        step = monty.load(nxt, functions={"fetch": None})
        assert len(step.calls) == 3 - rounds
        blob = nxt
        if len(step.calls) == 1:
            done = step.resume(results={step.calls[0].call_id: 0})
            assert done.value == ([1, 8, 15], [2, 1, 0])
            return
    raise AssertionError("the program ended early")


def test_crafted_pending_snapshots_are_refused():
    sb = monty.Sandbox(functions={"fetch": fetch})
    blob = sb.start(FANOUT).dump()
    doc = msgspec.msgpack.decode(blob)
    entries = doc[10]
    hp = [i for i, e in enumerate(entries) if e[0] == "HP"]
    assert len(hp) == 4
    variants = []
    for i in hp:
        for k, bad in ((4, -1), (4, "1"), (4, 1 << 63), (2, 5), (1, 7), (3, [0])):
            d = msgspec.msgpack.decode(blob)
            d[10][i][k] = bad
            variants.append(d)
    d = msgspec.msgpack.decode(blob)
    d[8] = [".host_pause", 3]
    variants.append(d)
    d = msgspec.msgpack.decode(blob)
    d[8] = ["fetch", [0], [1], 1]
    variants.append(d)
    for d in variants:
        try:
            step = monty.load(msgspec.msgpack.encode(d), functions={"fetch": None})
        except monty.MontyError:
            continue
        # loaded: it must still run (or fail) cleanly
        for _ in range(10):
            try:
                if isinstance(step, monty.Pending):
                    step = step.resume({c.call_id: 1 for c in step.calls})
                elif isinstance(step, monty.Call):
                    step = step.resume(1)
                else:
                    break
            except monty.MontyError:
                break


