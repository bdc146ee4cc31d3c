"""async/await through the public API: async host functions, pausing inside tasks, snapshots
of a paused event loop, limits inside coroutines."""

import asyncio

import pytest

import monty


async def fetch(x):
    await asyncio.sleep(0)
    return {"id": x, "double": x * 2}


async def fail(message):
    raise ValueError(message)


AGENT = """
import asyncio

async def one(i):
    r = await fetch(i)
    return r['double']

results = await asyncio.gather(*(one(i) for i in range(4)))
sum(results)
"""


def test_async_host_function_awaited_in_run():
    sb = monty.Sandbox(functions={"fetch": fetch})
    assert sb.run(AGENT) == 12


def test_awaited_host_calls_run_concurrently():
    events = []

    async def slow(x):
        events.append(("start", x))
        await asyncio.sleep(0.05)
        events.append(("end", x))
        return x

    sb = monty.Sandbox(functions={"slow": slow})
    code = """
import asyncio
async def one(i):
    return await slow(i)
await asyncio.gather(*(one(i) for i in range(4)))
"""
    assert sb.run(code) == [0, 1, 2, 3]
    kinds = [kind for kind, _ in events]
    assert kinds == ["start"] * 4 + ["end"] * 4


def test_unawaited_host_coroutine_never_runs():
    ran = []

    async def effect():
        ran.append(1)

    sb = monty.Sandbox(functions={"effect": effect})
    assert sb.run("f = effect()\n'done'") == "done"
    assert ran == []
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("await f")
    assert "not awaited before the run ended" in info.value.message


def test_async_host_function_error_surfaces_at_await():
    sb = monty.Sandbox(functions={"fail": fail})
    code = """
f = fail('bad')
try:
    await f
except ValueError as e:
    r = 'caught ' + str(e)
r
"""
    assert sb.run(code) == "caught bad"


def test_async_host_result_can_be_awaited_again():
    sb = monty.Sandbox(functions={"fetch": fetch})
    code = """
f = fetch(3)
a = await f
b = await f
a is b, a
"""
    assert sb.run(code) == (True, {"id": 3, "double": 6})


def test_run_inside_a_running_event_loop():
    sb = monty.Sandbox(functions={"fetch": fetch})

    async def host():
        return sb.run(AGENT)

    assert asyncio.run(host()) == 12


def test_top_level_await_keeps_globals_across_runs():
    sb = monty.Sandbox()
    sb.run("""
import asyncio
async def f():
    return 5
x = await f()
""")
    assert sb.run("x + 1") == 6


def _drive(progress, handler):
    while not isinstance(progress, monty.Done):
        if isinstance(progress, monty.Pending):
            progress = progress.resume({c.call_id: handler(c) for c in progress.calls})
        else:
            progress = progress.resume(handler(progress))
    return progress


def test_start_pauses_once_every_task_awaits_async_host_calls():
    sb = monty.Sandbox(functions={"fetch": fetch})
    seen = []

    def handler(call):
        seen.append((call.function_name, call.args))
        return {"id": call.args[0], "double": call.args[0] * 2}

    first = sb.start(AGENT)
    assert isinstance(first, monty.Pending)
    assert [c.args for c in first.calls] == [(0,), (1,), (2,), (3,)]
    done = _drive(first, handler)
    assert done.value == 12
    assert [a for _, a in seen] == [(0,), (1,), (2,), (3,)]


def test_snapshot_of_paused_event_loop_resumes_in_fresh_sandbox():
    code = """
import asyncio
log = []
async def worker(name, n):
    total = 0
    for i in range(n):
        total += await fetch(i)
        log.append(name)
        await asyncio.sleep(0)
    return total
r = await asyncio.gather(worker('a', 3), worker('b', 2))
r, log
"""
    sb = monty.Sandbox(functions={"fetch": fetch})
    progress = sb.start(code)
    steps = 0
    while isinstance(progress, monty.Pending):
        data = progress.dump()
        answers = {c.call_id: c.args[0] * 10 for c in progress.calls}
        progress = monty.load(data, functions={"fetch": None}).resume(answers)
        steps += 1
    assert steps == 3       # both workers wait together twice, then 'a' alone
    assert progress.value == ([30, 10], ["a", "b", "a", "b", "a"])


def test_snapshot_inside_async_generator_and_async_with():
    code = """
import asyncio
class Session:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        log.append('closed')
log = []
async def pages():
    for p in range(3):
        yield await fetch(p)
async def main():
    out = []
    async with Session():
        async for page in pages():
            out.append(page)
    return out
out = await main()
out, log
"""
    sb = monty.Sandbox(functions={"fetch": fetch})
    progress = sb.start(code)
    while isinstance(progress, monty.Pending):
        (call,) = progress.calls
        progress = monty.load(progress.dump(), functions={"fetch": None}).resume(
            {call.call_id: call.args[0] + 100})
    assert progress.value == ([100, 101, 102], ["closed"])


def test_resume_error_on_async_host_call_raises_at_await():
    sb = monty.Sandbox(functions={"fetch": fetch})
    code = """
try:
    await fetch(1)
except KeyError as e:
    r = 'caught', str(e)
r
"""
    pending = sb.start(code)
    done = pending.resume(errors={pending.calls[0].call_id: KeyError("missing")})
    assert done.value == ("caught", "'missing'")


def test_time_limit_inside_tasks_cannot_be_caught():
    sb = monty.Sandbox(limits=monty.Limits(max_duration=0.1))
    code = """
import asyncio
async def spin():
    try:
        while True:
            await asyncio.sleep(0)
    except BaseException:
        return 'caught'
await asyncio.gather(spin(), spin())
"""
    with pytest.raises(monty.MontyTimeLimitError):
        sb.run(code)
    assert sb.run("1 + 1") == 2


def test_deep_await_chain_hits_recursion_limit():
    sb = monty.Sandbox(limits=monty.Limits(max_recursion_depth=200))
    code = """
async def down(n):
    return await down(n + 1)
try:
    await down(0)
except RecursionError:
    r = 'recursion'
r
"""
    assert sb.run(code) == "recursion"


def test_asyncio_internals_are_not_reachable():
    sb = monty.Sandbox()
    with pytest.raises(monty.MontyRuntimeError) as info:
        sb.run("import asyncio\nasyncio._state")
    assert info.value.exc_type == "AttributeError"
    names = sb.run("import asyncio\nsorted(n for n in dir() if '.' in n or '<' in n)")
    assert names == []


def test_one_host_future_awaited_by_several_tasks():
    async def value(x):
        return x

    sb = monty.Sandbox(functions={"value": value})
    code = """
import asyncio
async def helper(f):
    return await asyncio.gather(f)
shared = value(99)
await asyncio.gather(helper(shared), helper(shared), helper(shared))
"""
    assert sb.run(code) == [[99], [99], [99]]


def test_asyncio_runs_again_after_a_limit_unwound_it():
    async def aecho(x):
        return x
    sb = monty.Sandbox(functions={"aecho": aecho}, limits=monty.Limits(max_duration=0.2))
    with pytest.raises(monty.MontyTimeLimitError):
        sb.run("import asyncio\nasync def main():\n    while True:\n        await aecho(1)\n"
               "asyncio.run(main())")
    assert sb.run("async def f():\n    return await aecho(7)\nasyncio.run(f())") == 7


def test_create_task_accepts_an_async_host_call():
    async def aecho(x):
        return x
    sb = monty.Sandbox(functions={"aecho": aecho})
    assert sb.run("import asyncio\nasync def main():\n    t = asyncio.create_task(aecho(5))\n"
                  "    return await t\nasyncio.run(main())") == 5
