"""monty as FastMCP code mode's sandbox (`CodeMode(sandbox_provider=MontySandboxProvider())`),
against the real fastmcp package, in-process (no network)."""

import asyncio
import time

import pytest

fastmcp = pytest.importorskip("fastmcp")
code_mode = pytest.importorskip("fastmcp.experimental.transforms.code_mode")

from fastmcp import Client, FastMCP  # noqa: E402
from fastmcp.exceptions import ToolError  # noqa: E402

import monty  # noqa: E402
from monty.integrations.fastmcp import MontySandboxProvider  # noqa: E402


def arun(coro):
    return asyncio.run(coro)


def test_implements_the_installed_sandbox_provider_protocol():
    import inspect
    proto = inspect.signature(code_mode.SandboxProvider.run)
    ours = inspect.signature(MontySandboxProvider.run)
    assert list(ours.parameters) == list(proto.parameters)
    for name in ("inputs", "external_functions"):
        assert ours.parameters[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert ours.parameters[name].default is None
    assert inspect.iscoroutinefunction(MontySandboxProvider.run)


def _server(state, provider=None, **kw):
    mcp = FastMCP("shop")

    @mcp.tool
    async def slow(i: int) -> int:
        """Wait 0.1 s, then i * 10."""
        state.setdefault("started", []).append(i)
        await asyncio.sleep(0.1)
        return i * 10

    @mcp.tool
    async def stuck(i: int) -> int:
        """Wait a long time."""
        state["stuck"] = "started"
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            state["stuck"] = "cancelled"
            raise
        return i

    @mcp.tool
    def fail(why: str) -> int:
        """Always fails."""
        raise ValueError(why)

    mcp.add_transform(code_mode.CodeMode(sandbox_provider=provider or MontySandboxProvider(),
                                         **kw))
    return mcp


GATHER = ("import asyncio\n"
          "rs = await asyncio.gather(*[call_tool('slow', {'i': i}) for i in range(5)])\n"
          "return [r['result'] for r in rs]")


def test_code_mode_gathers_async_tool_calls_concurrently():
    state = {}

    async def main():
        async with Client(_server(state)) as client:
            names = [t.name for t in await client.list_tools()]
            await client.call_tool("execute", {"code": "return 1"})     # (warm the session)
            t0 = time.perf_counter()
            result = await client.call_tool("execute", {"code": GATHER})
            return names, result, time.perf_counter() - t0

    names, result, took = arun(main())
    assert "execute" in names
    assert result.content[0].text == "[0,10,20,30,40]"
    assert sorted(state["started"]) == [0, 1, 2, 3, 4]
    assert took < 0.35, took        # five 0.1 s tools one after another: >= 0.5 s


def test_provider_gather_takes_one_tool_time():
    async def call_tool(name, params):
        await asyncio.sleep(0.1)
        return params["i"] * 10

    async def main():
        provider = MontySandboxProvider()
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            value = await provider.run(
                "import asyncio\nreturn await asyncio.gather("
                "*[call_tool('slow', {'i': i}) for i in range(5)])",
                external_functions={"call_tool": call_tool})
            times.append(time.perf_counter() - t0)
            assert value == [0, 10, 20, 30, 40]
        return min(times)

    assert arun(main()) < 0.2


def test_inputs_sync_functions_and_top_level_return():
    async def main():
        provider = MontySandboxProvider()
        return await provider.run("total = add(x, 2)\nif total > 3:\n    return total * 10\n0",
                                  inputs={"x": 5}, external_functions={"add": lambda a, b: a + b})

    assert arun(main()) == 70


def test_sandbox_error_is_a_tool_error_with_traceback_hint_and_prints():
    state = {}

    async def main():
        async with Client(_server(state)) as client:
            bad = await client.call_tool(
                "execute", {"code": "print('checking')\nimport os\nos.getcwd()"},
                raise_on_error=False)
            failing = await client.call_tool(
                "execute", {"code": "try:\n    await call_tool('fail', {'why': 'nope'})\n"
                                    "except Exception as e:\n    return 'caught: ' + str(e)"})
            return bad, failing

    bad, failing = arun(main())
    assert bad.is_error
    text = bad.content[0].text
    assert "Printed before the error:\nchecking" in text
    assert "line 2" in text and "import os" in text and "ModuleNotFoundError" in text
    assert "Hint: Modules available:" in text
    assert "caught:" in failing.content[0].text and "nope" in failing.content[0].text


def test_limit_error_names_the_limit():
    async def main():
        provider = MontySandboxProvider(limits=monty.Limits(max_duration=0.2))
        with pytest.raises(ToolError) as info:
            await provider.run("while True:\n    pass")
        return str(info.value)

    text = arun(main())
    assert "time limit of 0.2 s exceeded" in text and "Hint:" in text


def test_cancellation_stops_the_run_and_cancels_the_tool_call():
    record = []

    async def call_tool(name, params):
        record.append("start")
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            await asyncio.sleep(0.01)       # cleanup that takes a moment
            record.append("cancelled")
            raise

    async def main():
        provider = MontySandboxProvider()
        task = asyncio.ensure_future(provider.run("await call_tool('stuck', {})",
                                                  external_functions={"call_tool": call_tool}))
        await asyncio.sleep(0.05)
        t0 = time.perf_counter()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        took = time.perf_counter() - t0
        # when run() has ended, its tool call has ended too (its cleanup ran)
        assert record == ["start", "cancelled"]
        return took

    assert arun(main()) < 0.2


def test_nothing_left_running_after_a_run_ends_with_an_error():
    record = []

    async def call_tool(name, params):
        if name == "fail":
            raise RuntimeError("failed")
        record.append("slow start")
        try:
            await asyncio.sleep(30)
        finally:
            await asyncio.sleep(0.01)       # cleanup that takes a moment
            record.append("slow finally")

    async def main():
        provider = MontySandboxProvider()
        before = set(asyncio.all_tasks())
        with pytest.raises(ToolError, match="RuntimeError: failed"):
            await provider.run("import asyncio\nawait asyncio.gather(call_tool('slow', {}), "
                               "call_tool('fail', {}))",
                               external_functions={"call_tool": call_tool})
        assert record == ["slow start", "slow finally"]
        assert set(asyncio.all_tasks()) == before

    arun(main())


def test_code_mode_wall_clock_timeout_cancels_the_tool():
    state = {}

    async def main():
        async with Client(_server(state, wall_clock_timeout_secs=0.3)) as client:
            t0 = time.perf_counter()
            result = await client.call_tool(
                "execute", {"code": "return await call_tool('stuck', {'i': 1})"},
                raise_on_error=False)
            return result, time.perf_counter() - t0

    result, took = arun(main())
    assert result.is_error and "wall-clock limit" in result.content[0].text
    assert state["stuck"] == "cancelled"
    assert took < 2.0


def test_a_value_that_is_not_plain_data_is_described_not_an_error():
    calls = []

    async def call_tool(name, params):
        calls.append(name)
        return 1

    async def main():
        provider = MontySandboxProvider()
        value = await provider.run("import re\nawait call_tool('once', {})\n"
                                   "return re.match('a', 'abc')",
                                   external_functions={"call_tool": call_tool})
        with pytest.raises(TypeError, match="cannot cross into the sandbox"):
            await provider.run("return x", inputs={"x": object()})
        return value

    value = arun(main())
    assert value.startswith("<Match object: not plain data") and "repr(value)" in value
    assert calls == ["once"]        # (reported, not raised: a retry would call it again)


def test_limits_as_a_dict_including_fastmcp_provider_keys():
    p = MontySandboxProvider(limits={"max_feed_duration_secs": 1.5, "max_memory": 10_000_000,
                                     "max_wall_time": 9})
    assert (p.limits.max_duration, p.limits.max_memory, p.limits.max_wall_time) == (1.5,
                                                                                   10_000_000, 9)
    with pytest.raises(ValueError, match="unknown limit 'gc_interval'"):
        MontySandboxProvider(limits={"gc_interval": 10})
    with pytest.raises(TypeError):
        MontySandboxProvider(limits=5)


def test_anyio_cancel_scope_as_fastmcp_uses_ends_the_run_after_the_tool_cleanup():
    anyio = pytest.importorskip("anyio")
    record = []

    async def call_tool(name, params):
        record.append("start")
        try:
            await asyncio.sleep(30)
        finally:
            await asyncio.sleep(0.05)       # (anyio cancels again meanwhile: level-triggered)
            record.append("cleaned")

    async def main():
        provider = MontySandboxProvider()
        with anyio.move_on_after(0.1) as scope:
            await provider.run("await call_tool('x', {})",
                               external_functions={"call_tool": call_tool})
        assert scope.cancelled_caught and record == ["start", "cleaned"]
        return await provider.run("return 5")

    assert anyio.run(main) == 5
