"""monty.integrations.haystack: MontyPythonTool against the installed haystack-ai (a mock chat
generator plays the model; no network)."""

import asyncio
import gc
import time

import pytest

pytest.importorskip("haystack")

import monty  # noqa: E402
from haystack.components.agents import Agent  # noqa: E402
from haystack.components.generators.chat import MockChatGenerator  # noqa: E402
from haystack.dataclasses import ChatMessage, ToolCall  # noqa: E402
from haystack.tools import Tool, create_tool_from_function  # noqa: E402
from monty.integrations.haystack import MontyPythonTool  # noqa: E402


# The framework stays imported for the whole test session: its objects are kept out of the
# cyclic collector's work (gc.freeze), or every gc.collect() in the rest of the suite walks
# them (0.3 s each on the CI machine) and timing tests elsewhere feel it.
gc.collect()
gc.freeze()


@pytest.fixture(autouse=True, scope="module")
def _freeze_what_the_tests_left():
    yield
    gc.collect()
    gc.freeze()


def get_weather(city: str) -> dict:
    """Current weather for a city."""
    return {"city": city, "temp": {"Paris": 21.0, "Oslo": 4.0}[city]}


def double(n: int) -> int:
    """Twice n."""
    return 2 * n


async def slow_square(n: int) -> int:
    await asyncio.sleep(0.1)
    return n * n


WEATHER = create_tool_from_function(get_weather)


def make_tool():
    return MontyPythonTool(tools=[WEATHER], functions={"double": double},
                           limits=monty.Limits(max_duration=0.5, max_memory=50_000_000))


def test_runs_and_keeps_state():
    tool = make_tool()
    assert isinstance(tool, Tool)
    assert "def get_weather(city: str):" in tool.description
    assert "def double(n: int) -> int:" in tool.description
    out = tool.invoke(code="t = get_weather('Paris')['temp']\nprint('got', t)\ndouble(int(t))")
    assert out == {"result": 42, "stdout": "got 21.0\n", "error": None}
    assert tool.invoke(code="t")["result"] == 21.0
    err = tool.invoke(code="get_weather('Rome')")
    assert err["result"] is None and err["error"]["type"] == "RuntimeError"
    assert "get_weather('Rome')" in err["error"]["traceback"]
    limit = tool.invoke(code="while True:\n    pass")
    assert limit["error"]["type"] == "MontyTimeLimitError"
    assert limit["error"]["message"] == "time limit of 0.5 s exceeded"
    assert tool.invoke(code="t")["result"] == 21.0


def test_round_trips_through_to_dict_and_from_dict():
    from haystack.core.serialization import allow_deserialization_module
    allow_deserialization_module(__name__)      # (this module's functions: the user's trust)
    tool = make_tool()
    data = tool.to_dict()
    assert data["type"] == "monty.integrations.haystack.MontyPythonTool"
    assert data["data"]["functions"] == {"double": f"{__name__}.double"}
    assert data["data"]["limits"]["max_duration"] == 0.5
    again = MontyPythonTool.from_dict(data)
    assert again.name == tool.name and again.description == tool.description
    assert again.limits.max_memory == 50_000_000
    assert again.invoke(code="double(get_weather('Oslo')['temp'])")["result"] == 8.0
    # inside an agent, which serializes its tools the same way
    agent = Agent(chat_generator=MockChatGenerator(responses="x"), tools=[tool])
    restored = Agent.from_dict(agent.to_dict())
    assert isinstance(restored.tools[0], MontyPythonTool)
    assert restored.tools[0].invoke(code="double(4)")["result"] == 8


def test_agent_calls_the_tool():
    tool = make_tool()
    replies = [
        ChatMessage.from_assistant(tool_calls=[ToolCall(
            tool_name="run_python",
            arguments={"code": "temps = [get_weather(c)['temp'] for c in ['Paris', 'Oslo']]\n"
                               "max(temps)"})]),
        ChatMessage.from_assistant(tool_calls=[ToolCall(
            tool_name="run_python", arguments={"code": "import numpy"})]),
        ChatMessage.from_assistant("done"),
    ]
    agent = Agent(chat_generator=MockChatGenerator(responses=replies), tools=[tool])
    result = agent.run(messages=[ChatMessage.from_user("warmest?")])
    tool_texts = [m.tool_call_result.result for m in result["messages"]
                  if m.tool_call_result is not None]
    assert "21.0" in tool_texts[0]
    assert "No module named 'numpy'" in tool_texts[1] and "Modules available" in tool_texts[1]
    assert result["messages"][-1].text == "done"


def test_async_invocation_gathers():
    tool = MontyPythonTool(functions={"slow_square": slow_square})

    async def main():
        t0 = time.perf_counter()
        out = await tool.invoke_async(code="import asyncio\n"
                                           "await asyncio.gather(*[slow_square(i) for i in range(5)])")
        return out, time.perf_counter() - t0

    out, took = asyncio.run(main())
    assert out["result"] == [0, 1, 4, 9, 16]
    assert took < 0.4, took
