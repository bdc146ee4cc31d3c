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
# 1. run_async


async def sleepy(x):
    await asyncio.sleep(0.1)
    return x * 2


GATHER = """
import asyncio
r = await asyncio.gather(*[sleepy(i) for i in range(5)])
r
"""


def test_run_async_gathered_host_calls_are_concurrent():
    async def main():
        sb = monty.Sandbox(functions={"sleepy": sleepy})
        t0 = time.perf_counter()
        value = await sb.run_async(GATHER)
        return value, time.perf_counter() - t0

    value, took = arun(main())
    assert value == [0, 2, 4, 6, 8]
    assert took < 0.25, took            # five 0.1 s sleeps one after another take 0.5 s


def test_run_async_matches_cpython():
    code = """
import asyncio
log = []
async def worker(name, n):
    total = 0
    for i in range(n):
        total += await sleepy(i)
        log.append((name, i, tag(name)))
    return total
r = await asyncio.gather(worker('a', 2), worker('b', 3))
r, sorted(log)
"""

    def tag(name):
        return name.upper()

    async def sleepy(x):
        await asyncio.sleep(0.001)
        return x * 2

    async def main():
        sb = monty.Sandbox(functions={"sleepy": sleepy, "tag": tag})
        mine = await sb.run_async(code)
        ref = await cpython_run(code, {"sleepy": sleepy, "tag": tag})
        return mine, ref

    mine, ref = arun(main())
    assert mine == ([2, 6], [("a", 0, "A"), ("a", 1, "A"), ("b", 0, "B"), ("b", 1, "B"),
                             ("b", 2, "B")])
    assert mine == ref


def test_run_async_uses_the_callers_loop_and_no_thread():
    seen = {}

    async def probe():
        seen["loop"] = asyncio.get_running_loop()
        seen["threads"] = threading.active_count()
        seen["thread"] = threading.get_ident()
        return 1

    def sync_probe():
        seen["sync_thread"] = threading.get_ident()
        return 2

    async def main():
        sb = monty.Sandbox(functions={"probe": probe, "sync_probe": sync_probe})
        before = threading.active_count()
        value = await sb.run_async("(await probe()) + sync_probe()")
        return value, asyncio.get_running_loop(), before

    value, loop, before = arun(main())
    assert value == 3
    assert seen["loop"] is loop
    assert seen["threads"] == before
    assert seen["thread"] == seen["sync_thread"] == threading.get_ident()


def test_run_async_sync_host_calls_run_directly_in_order():
    calls = []

    def note(x):
        calls.append(x)
        return x + 1

    async def main():
        sb = monty.Sandbox(functions={"note": note})
        return await sb.run_async("[note(i) for i in range(5)]")

    assert arun(main()) == [1, 2, 3, 4, 5]
    assert calls == [0, 1, 2, 3, 4]


def test_host_call_starts_only_when_awaited():
    order = []

    async def fetch(x):
        order.append(("fetch", x))
        return x

    def note(x):
        order.append(("note", x))

    code = """
f = fetch(1)
g = fetch(2)            # never awaited: never called
note('made')
r = await f
r
"""

    async def main():
        sb = monty.Sandbox(functions={"fetch": fetch, "note": note})
        return await sb.run_async(code)

    assert arun(main()) == 1
    assert order == [("note", "made"), ("fetch", 1)]


def test_cancel_a_spinning_run_async_returns_at_once_and_sandbox_works():
    async def main():
        sb = monty.Sandbox(limits=monty.Limits(max_duration=5.0))
        task = asyncio.ensure_future(sb.run_async("x = 0\nwhile True:\n    x += 1"))
        await asyncio.sleep(0.05)
        t0 = time.perf_counter()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        took = time.perf_counter() - t0
        assert sb.run("x > 0") is True
        assert await sb.run_async("x = 7\nx * 6") == 42
        return took

    assert arun(main()) < 0.010


def test_cancel_while_awaiting_host_cancels_the_host_task():
    state = {}

    async def slow():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            state["cancelled"] = True
            raise

    async def main():
        sb = monty.Sandbox(functions={"slow": slow})
        task = asyncio.ensure_future(sb.run_async("await slow()"))
        await asyncio.sleep(0.05)
        t0 = time.perf_counter()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        took = time.perf_counter() - t0
        await asyncio.sleep(0)
        assert await sb.run_async("1 + 1") == 2
        return took

    assert arun(main()) < 0.010
    assert state == {"cancelled": True}


def test_host_calls_have_finished_when_a_cancelled_run_async_returns():
    # a cancelled run cancels its host calls in flight and waits for their cleanup: no host
    # call of a run outlives it (frameworks tear down what the call used right after)
    record = []

    async def slow(i):
        record.append(("start", i))
        try:
            await asyncio.sleep(10)
        finally:
            await asyncio.sleep(0.01)
            record.append(("cleaned", i))

    async def main():
        sb = monty.Sandbox(functions={"slow": slow})
        before = set(asyncio.all_tasks())
        task = asyncio.ensure_future(sb.run_async(
            "import asyncio\nawait asyncio.gather(slow(1), slow(2))"))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert sorted(record) == [("cleaned", 1), ("cleaned", 2), ("start", 1), ("start", 2)]
        assert set(asyncio.all_tasks()) == before
        assert await sb.run_async("1 + 1") == 2

    arun(main())


def test_reentry_while_run_async_is_active_is_refused():
    async def wait():
        await asyncio.sleep(0.05)
        return 5

    async def main():
        sb = monty.Sandbox(functions={"wait": wait})
        task = asyncio.ensure_future(sb.run_async("await wait()"))
        await asyncio.sleep(0.01)
        for attempt in (lambda: sb.run("1"), lambda: sb.start("1"), lambda: sb.dump()):
            with pytest.raises(monty.MontyError, match="already running"):
                attempt()
        with pytest.raises(monty.MontyError, match="already running"):
            await sb.run_async("1")
        return await task

    assert arun(main()) == 5


def test_run_async_time_limit_stops_a_spin_and_the_loop_stays_responsive():
    ticks = []

    async def ticker():
        for _ in range(100):
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.005)

    async def main():
        sb = monty.Sandbox(limits=monty.Limits(max_duration=0.2))
        tk = asyncio.ensure_future(ticker())
        t0 = time.perf_counter()
        with pytest.raises(monty.MontyTimeLimitError):
            await sb.run_async("while True:\n    pass")
        took = time.perf_counter() - t0
        tk.cancel()
        assert sb.run("1 + 1") == 2
        return took

    took = arun(main())
    assert took < 1.0               # (a 0.2 s limit; it may fire early when a full collection
                                    # could not end in time)
    assert len(ticks) >= 4          # other tasks ran while the sandbox spun (without
                                    # slices: 1 at most, after the run)


def test_run_async_host_await_time_does_not_count_toward_max_duration():
    async def main():
        sb = monty.Sandbox(functions={"sleepy": sleepy}, limits=monty.Limits(max_duration=0.05))
        return await sb.run_async("await sleepy(1)\nawait sleepy(2)")

    assert arun(main()) == 4


def test_run_async_errors_are_those_of_run():
    async def bad(x):
        raise KeyError(x)

    async def main():
        sb = monty.Sandbox(functions={"bad": bad, "sleepy": sleepy})
        with pytest.raises(monty.MontyRuntimeError) as info:
            await sb.run_async("1 / 0")
        assert info.value.exc_type == "ZeroDivisionError"
        with pytest.raises(monty.MontySyntaxError):
            await sb.run_async("def (")
        with pytest.raises(monty.MontyRuntimeError) as info:
            await sb.run_async("await bad('k')")
        assert info.value.exc_type == "KeyError"
        caught = await sb.run_async("try:\n    await bad(3)\nexcept KeyError as e:\n"
                                    "    r = repr(e)\nr")
        return caught, await sb.run_async("r")

    assert arun(main()) == ("KeyError(3)", "KeyError(3)")


def test_run_async_memory_limit_and_globals_persist():
    async def main():
        sb = monty.Sandbox(limits=monty.Limits(max_memory=5_000_000))
        with pytest.raises(monty.MontyMemoryLimitError):
            await sb.run_async("x = [0] * 10_000_000")
        await sb.run_async("y = 41")
        return sb.run("y + 1")

    assert arun(main()) == 42


def test_run_async_host_result_not_plain_data_is_a_type_error():
    async def gives():
        return object()

    async def main():
        sb = monty.Sandbox(functions={"gives": gives})
        with pytest.raises(monty.MontyRuntimeError) as info:
            await sb.run_async("await gives()")
        return info.value

    err = arun(main())
    assert err.exc_type == "TypeError" and "cannot hold" in err.message


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
    assert arun(monty.Sandbox(functions={"fetch": fetch}).run_async(code)) == expected


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


# ---------------------------------------------------------------------------------------------
# 5. Sandbox.dump / Sandbox.load

SESSION = """
import json, math, random
import dataclasses
random.seed(5)
@dataclasses.dataclass
class Point:
    x: int
    y: int = 0
    def norm2(self):
        return self.x * self.x + self.y * self.y
class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, k=1):
        self.n += k
        return self.n
def scaled(v, k=3):
    return [lookup(x) * k for x in v]
def gen():
    yield 1
    yield 2
    yield 3
g = gen()
first = next(g)
c = Counter()
c.bump(5)
shared = [1, 2]
data = {'a': shared, 'b': shared, 'p': Point(3, 4), 'f': 1.5, 't': (1, 'x'), 's': {1, 2}}
"""

FOLLOW_UP = """
r = [data['p'].norm2(), c.bump(), next(g), scaled([1, 2]), data['a'] is data['b'],
     json.dumps({'k': math.floor(2.5)}), random.random(), Point(1, 2) == Point(1, 2), first]
r
"""


def lookup(x):
    return x + 100


def test_sandbox_dump_load_roundtrip_in_a_fresh_process():
    sb = monty.Sandbox(functions={"lookup": lookup})
    sb.run(SESSION)
    blob = sb.dump(secret=b"s3cret")
    expected = sb.run(FOLLOW_UP)
    child = r"""
import sys, json, monty
data = open(sys.argv[1], 'rb').read()
def lookup(x):
    return x + 100
sb = monty.Sandbox.load(data, functions={'lookup': lookup}, secret=b's3cret')
print(repr(sb.run(sys.argv[2])))
"""
    import tempfile
    with tempfile.NamedTemporaryFile(delete=False) as fh:
        fh.write(blob)
        path = fh.name
    try:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.path.dirname(os.path.dirname(os.path.abspath(monty.__file__)))
        out = subprocess.run([sys.executable, "-c", child, path, FOLLOW_UP], check=True,
                             env=env, timeout=60, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    assert eval(out) == expected
    assert expected[:6] == [25, 6, 2, [303, 306], True, '{"k": 2}']


def test_sandbox_load_binds_the_functions_it_is_given():
    sb = monty.Sandbox(functions={"lookup": lookup})
    sb.run("def f(x):\n    return lookup(x)\nalias = lookup")
    blob = sb.dump()
    sb2 = monty.Sandbox.load(blob, functions={"lookup": lambda x: -x})
    assert sb2.run("f(2), alias(3)") == (-2, -3)
    with pytest.raises(monty.MontyError, match="lookup"):
        monty.Sandbox.load(blob, functions={})          # `alias` needs it
    sb.run("del alias")
    sb3 = monty.Sandbox.load(sb.dump(), functions={})
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb3.run("f(1)")
    assert info.value.exc_type == "NameError"


def test_sandbox_load_keeps_module_classes_one_class():
    async def fetch(x):
        return x + 1

    sb = monty.Sandbox(functions={"fetch": fetch})
    sb.run("import asyncio\nasync def f(n):\n    return await fetch(n)\nT = asyncio.Task\n"
           "ev = asyncio.Event()\nx = await f(1)")
    sb2 = monty.Sandbox.load(sb.dump(), functions={"fetch": fetch})
    code = ("async def g():\n    t = asyncio.create_task(f(1))\n"
            "    return isinstance(t, asyncio.Task), T is asyncio.Task, "
            "isinstance(ev, asyncio.Event), await t\nawait g()")
    assert sb2.run(code) == (True, True, True, 2)
    assert arun(sb2.run_async("(await f(x)), x")) == (3, 2)


def test_sandbox_load_applies_new_limits():
    sb = monty.Sandbox()
    sb.run("big = list(range(10))")
    sb2 = monty.Sandbox.load(sb.dump(), limits=monty.Limits(max_duration=0.1))
    with pytest.raises(monty.MontyTimeLimitError):
        sb2.run("while True:\n    pass")
    assert sb2.run("sum(big)") == 45


def test_sandbox_dump_refuses_while_paused_and_unsupported_values():
    sb = monty.Sandbox(functions={"get": None})
    step = sb.start("x = 1\nget()")
    with pytest.raises(monty.MontyError, match="paused"):
        sb.dump()
    del step
    assert monty.Sandbox.load(sb.dump()).run("x") == 1

    async def fetch():
        return 1

    sb = monty.Sandbox(functions={"fetch": fetch})
    step = sb.start("import asyncio\ny = 2\nawait asyncio.gather(fetch(), fetch())")
    assert isinstance(step, monty.Pending)
    with pytest.raises(monty.MontyError, match="paused"):
        sb.dump()
    del step                # (a Pending and its Calls refer to each other)
    assert monty.Sandbox.load(sb.dump(), functions={"fetch": fetch}).run("y") == 2
    sb.run("import hashlib\nm = hashlib.sha256()")     # (a hash object keeps C state: refused)
    with pytest.raises(monty.MontyError, match="cannot"):
        sb.dump()


def test_sandbox_load_hmac_and_kind_checks():
    sb = monty.Sandbox()
    sb.run("x = [1, 2, 3]")
    blob = sb.dump(secret=b"key")
    assert monty.Sandbox.load(blob, secret=b"key").run("x") == [1, 2, 3]
    with pytest.raises(monty.MontyError, match="tag"):
        monty.Sandbox.load(blob, secret=b"other")
    with pytest.raises(monty.MontyError, match="tag"):
        monty.Sandbox.load(blob[:10], secret=b"key")
    tampered = bytearray(blob)
    tampered[20] ^= 1
    with pytest.raises(monty.MontyError):
        monty.Sandbox.load(bytes(tampered), secret=b"key")
    paused = monty.Sandbox(functions={"get": None}).start("get()").dump()
    with pytest.raises(monty.MontyError, match="paused program"):
        monty.Sandbox.load(paused)
    with pytest.raises(monty.MontyError):
        monty.load(sb.dump(), functions={})
    with pytest.raises(TypeError):
        monty.Sandbox.load("text")


def _idle_blob():
    sb = monty.Sandbox(functions={"lookup": lookup})
    sb.run(SESSION)
    return sb.dump()


_IDLE = _idle_blob()


def _load_idle_ok_or_monty_error(data):
    try:
        sb = monty.Sandbox.load(data, functions={"lookup": lookup},
                                limits=monty.Limits(max_duration=1.0))
    except monty.MontyError:
        return
    assert isinstance(sb, monty.Sandbox)
    try:
        sb.run(FOLLOW_UP)
    except monty.MontyError:
        pass


def test_crafted_sandbox_snapshots_are_refused():
    doc = msgspec.msgpack.decode(_IDLE)
    variants = []
    d = msgspec.msgpack.decode(_IDLE)
    d[5].append(["K", "Evil", "Evil", [], [], [], None, None])      # a class with no base
    d[4][1] = [len(d[5]) - 1]
    variants.append(d)
    for i, entry in enumerate(doc[5]):
        if entry[0] == "K":
            d = msgspec.msgpack.decode(_IDLE)
            d[5][i][4] = d[5][i][4] + ["__del__"]
            d[5][i][5] = d[5][i][5] + [1]
            variants.append(d)
        if entry[0] == "f":
            d = msgspec.msgpack.decode(_IDLE)
            d[5][i][1] = [0, 999]
            variants.append(d)
        if entry[0] == "G":
            d = msgspec.msgpack.decode(_IDLE)
            d[5][i][6] = 2          # a "running" generator with no frame
            variants.append(d)
    for k, bad in ((3, ["a b"]), (4, [[10 ** 6]]), (6, [["os", None]]), (7, -1), (8, "x"),
                   (2, ["import os"])):
        d = msgspec.msgpack.decode(_IDLE)
        d[k] = bad
        variants.append(d)
    d = msgspec.msgpack.decode(_IDLE)
    d[5].append(["N", "b:__import__"])
    d[4][1] = [len(d[5]) - 1]
    variants.append(d)
    refused = 0
    for d in variants:
        try:
            monty.Sandbox.load(msgspec.msgpack.encode(d), functions={"lookup": lookup})
        except monty.MontyError:
            refused += 1
    assert refused == len(variants)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.integers(0, len(_IDLE) - 1), st.integers(0, 255)), min_size=1,
                max_size=6))
def test_fuzz_mutated_sandbox_snapshots(edits):
    data = bytearray(_IDLE)
    for pos, byte in edits:
        data[pos] = byte
    _load_idle_ok_or_monty_error(bytes(data))


# ---------------------------------------------------------------------------------------------
# 7. immutable stdlib values at the boundary

UTC2 = datetime.timezone(datetime.timedelta(hours=2), "X")
STD_VALUES = [
    datetime.date(2024, 2, 29),
    datetime.time(13, 14, 15, 16, tzinfo=datetime.timezone.utc, fold=1),
    datetime.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=UTC2),
    datetime.datetime(1999, 12, 31, 23, 59),
    datetime.timedelta(days=-3, seconds=5, microseconds=7),
    UTC2,
    fractions.Fraction(-7, 3),
    uuid.UUID("12345678-1234-5678-1234-567812345678"),
]


def _exact(a, b):
    return type(a) is type(b) and (a == b or (a != a and b != b))


def test_stdlib_values_cross_as_inputs_and_results():
    sb = monty.Sandbox()
    for v in STD_VALUES:
        out = sb.run("v", inputs={"v": v})
        assert _exact(out, v), (v, out)
        assert sb.run("type(v).__name__", inputs={"v": v}) == type(v).__name__
    assert sb.run("[v, v]", inputs={"v": STD_VALUES[0]}) == [STD_VALUES[0]] * 2


def test_stdlib_values_cross_as_host_arguments_and_results():
    got = []

    def echo(v):
        got.append(v)
        return v

    sb = monty.Sandbox(functions={"echo": echo})
    for v in STD_VALUES:
        out = sb.run("echo(v)", inputs={"v": v})
        assert _exact(got[-1], v) and _exact(out, v)
    code = """
import datetime, fractions, uuid
[datetime.date(2020, 1, 1) + datetime.timedelta(days=40), fractions.Fraction(1, 3) * 3 / 4,
 uuid.UUID(int=5), datetime.datetime(2020, 5, 5, tzinfo=datetime.timezone.utc)]
"""
    results = sb.run(code)
    ns = {}
    exec("import datetime, fractions, uuid", ns)
    expected = eval(code.strip().split("\n", 1)[1], ns)
    assert all(_exact(a, b) for a, b in zip(results, expected))
    assert type(sb.run("echo(fractions.Fraction(2, 6))")) is fractions.Fraction
    assert type(got[-1]) is fractions.Fraction


def test_stdlib_values_computed_on_in_the_sandbox_match_cpython():
    code = """
d = v[0] + datetime.timedelta(days=1)
f = v[6] * 3 + 1
t = (v[2].isoformat(), v[4].total_seconds(), v[7].hex, str(v[6]), v[1].utcoffset())
d, f, t
"""
    sb = monty.Sandbox()
    mine = sb.run("import datetime\n" + code, inputs={"v": STD_VALUES})
    ns = {"v": STD_VALUES}
    exec("import datetime", ns)
    tree = ast.parse(code)
    last = tree.body.pop()
    exec(compile(tree, "<s>", "exec"), ns)
    ref = eval(compile(ast.Expression(last.value), "<s>", "eval"), ns)
    assert mine == ref


def test_host_subclass_instances_become_their_base():
    class MyDate(datetime.date):
        def __str__(self):
            raise AssertionError("never called")

    class MyFraction(fractions.Fraction):
        pass

    class MyUUID(uuid.UUID):
        pass

    sb = monty.Sandbox()
    for v, base in ((MyDate(2020, 2, 2), datetime.date), (MyFraction(1, 2), fractions.Fraction),
                    (MyUUID(int=9), uuid.UUID)):
        assert sb.run("type(v).__name__", inputs={"v": v}) == base.__name__
        out = sb.run("v", inputs={"v": v})
        assert type(out) is base and out == v


def _sandbox_decimal():
    from monty import modules
    modules._discover()
    module = sys.modules.get("monty.modules.decimal")
    return module if hasattr(module, "from_host") else None


def test_decimal_crosses_as_the_sandbox_decimal_modules_value():
    """A host Decimal enters as the sandbox decimal module's Decimal (its own bounded context,
    never the host thread's) and leaves as an exact decimal.Decimal; without that module it
    is refused, as the host's context must never be used by sandbox code."""

    class MyDecimal(decimal.Decimal):
        pass

    def give():
        return decimal.Decimal("2.50")

    sb = monty.Sandbox(functions={"give": give})
    values = [decimal.Decimal("-1.2500E+7"), MyDecimal("1.5"), decimal.Decimal("NaN")]
    if _sandbox_decimal() is None:
        for v in values:
            with pytest.raises(TypeError, match="decimal module"):
                sb.run("v", inputs={"v": v})
        with pytest.raises(monty.MontyRuntimeError) as info:
            sb.run("give()")
        assert info.value.exc_type == "TypeError" and "decimal module" in info.value.message
        return
    for v in values:
        out = sb.run("v", inputs={"v": v})
        assert type(out) is decimal.Decimal and (out == v or (out != out and v != v))
    assert sb.run("give() * 2") == decimal.Decimal("5.00")
    assert type(sb.run("give() * 2")) is decimal.Decimal


def test_host_timezones_become_fixed_offsets():
    try:
        import zoneinfo
        tz = zoneinfo.ZoneInfo("Europe/Paris")
    except Exception:
        pytest.skip("no time zone database on this machine")
    v = datetime.datetime(2024, 7, 1, 12, 0, tzinfo=tz)
    out = monty.Sandbox().run("v", inputs={"v": v})
    assert type(out.tzinfo) is datetime.timezone
    assert out == v and out.utcoffset() == datetime.timedelta(hours=2)
    assert out.tzname() == "CEST"


def test_sandbox_subclass_instances_leave_as_their_base_without_running_overrides():
    sb = monty.Sandbox()
    code = """
import datetime, fractions
calls = []
class D(datetime.date):
    @property
    def year(self):
        calls.append('year')
        return 1
    def __repr__(self):
        calls.append('repr')
        return 'D'
class F(fractions.Fraction):
    @property
    def numerator(self):
        calls.append('num')
        return 0
out = [D(2021, 3, 4), F(3, 4)]
out
"""
    out = sb.run(code)
    assert out == [datetime.date(2021, 3, 4), fractions.Fraction(3, 4)]
    assert [type(x) for x in out] == [datetime.date, fractions.Fraction]
    assert sb.run("calls") == []


def test_sandbox_tzinfo_subclass_cannot_leave():
    sb = monty.Sandbox()
    code = """
import datetime
class TZ(datetime.tzinfo):
    def utcoffset(self, dt):
        return datetime.timedelta(hours=1)
datetime.datetime(2020, 1, 1, tzinfo=TZ())
"""
    with pytest.raises(monty.MontyTypeError, match="tzinfo"):
        sb.run(code)


def test_stdlib_values_survive_paused_snapshots():
    code = """
import datetime, fractions, uuid
keep = [v, datetime.date(2000, 1, 1), fractions.Fraction(5, 7), uuid.UUID(int=77),
        datetime.timezone(datetime.timedelta(minutes=-90))]
got = get(keep)
keep == got, [type(x).__name__ for x in got], fractions.Fraction(1, 7) + keep[2]
"""
    values = STD_VALUES
    sb = monty.Sandbox(functions={"get": None})
    step = sb.start(code, inputs={"v": values})
    assert isinstance(step, monty.Call)
    args = step.args[0]
    assert all(_exact(a, b) for a, b in zip(args[0], values))
    step = monty.load(step.dump(), functions={"get": None})
    assert all(_exact(a, b) for a, b in zip(step.args[0][0], values))
    done = step.resume(args)
    assert done.value[0] is True
    assert done.value[2] == fractions.Fraction(6, 7) and type(done.value[2]) is fractions.Fraction


def test_stdlib_values_survive_sandbox_dump():
    sb = monty.Sandbox()
    sb.run("import fractions\nkeep = v\nhalf = fractions.Fraction(1, 2)", inputs={"v": STD_VALUES})
    sb2 = monty.Sandbox.load(sb.dump())
    out = sb2.run("keep")
    assert all(_exact(a, b) for a, b in zip(out, STD_VALUES))
    assert sb2.run("half + 1") == fractions.Fraction(3, 2)


def test_crafted_stdlib_entries_are_refused():
    sb = monty.Sandbox()
    sb.run("keep = v", inputs={"v": STD_VALUES})
    blob = sb.dump()
    doc = msgspec.msgpack.decode(blob)
    bad = {"Dd": [["Dd", 2020, 13, 1], ["Dd", "2020", 1, 1]],
           "Td": [["Td", 10 ** 10, 0, 0]],
           "Fr": [["Fr", 2, 4, True], ["Fr", 1, 0, True], ["Fr", 1, -3, False]],
           "U": [["U", "zz" * 16], ["U", "00"]],
           "DT": [["DT", 2020, 1, 1, 0, 0, 0, 0, 5, 0]],
           "Tz": [["Tz", 5, None]]}
    tried = 0
    for i, entry in enumerate(doc[5]):
        for replacement in bad.get(entry[0], []):
            d = msgspec.msgpack.decode(blob)
            d[5][i] = replacement
            tried += 1
            with pytest.raises(monty.MontyError):
                monty.Sandbox.load(msgspec.msgpack.encode(d))
    assert tried >= 10
    d = msgspec.msgpack.decode(blob)                # (Decimals are the decimal module's to encode)
    d[5].append(["Dc", "1.5"])
    d[4][0] = [len(d[5]) - 1]
    with pytest.raises(monty.MontyError, match="unknown object kind"):
        monty.Sandbox.load(msgspec.msgpack.encode(d))
