"""monty.integrations.pydantic_ai: MontyCodeToolset against the installed pydantic-ai
(a FunctionModel plays the model; no network)."""

import asyncio
import gc
import time

import pytest

pytest.importorskip("pydantic_ai")

import monty  # noqa: E402
from pydantic_ai import Agent  # noqa: E402
from pydantic_ai.messages import ModelResponse, TextPart, ToolCallPart  # noqa: E402
from pydantic_ai.models.function import AgentInfo, FunctionModel  # noqa: E402
from pydantic_ai.toolsets import FunctionToolset  # noqa: E402
from monty.integrations.pydantic_ai import MontyCodeToolset  # noqa: E402


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


async def fetch(url: str) -> str:
    """Fetch a page."""
    await asyncio.sleep(0.1)
    return "page " + url


def add(a: int, b: int = 1) -> int:
    """Add two numbers."""
    return a + b


class Timed(MontyCodeToolset):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.times = []

    async def call_tool(self, name, tool_args, ctx, tool):
        t0 = time.perf_counter()
        try:
            return await super().call_tool(name, tool_args, ctx, tool)
        finally:
            self.times.append(time.perf_counter() - t0)


def _kind(part):
    """"retry" for a retry prompt (a RetryPromptPart, or in newer releases a tool return whose
    outcome is 'retried'), else the part's class name."""
    if type(part).__name__ == "retry" or getattr(part, "outcome", None) == "retried":
        return "retry"
    return type(part).__name__


def scripted(programs, seen):
    """A FunctionModel that sends each program to run_code, then answers with the last
    tool result; `seen` gets (tool names, description, last part) of every request."""
    def model(messages, info: AgentInfo):
        last = messages[-1].parts[-1]
        seen.append(([t.name for t in info.function_tools],
                     info.function_tools[0].description if info.function_tools else "",
                     _kind(last), getattr(last, "content", None)))
        if programs:
            return ModelResponse(parts=[ToolCallPart("run_code", {"code": programs.pop(0)})])
        return ModelResponse(parts=[TextPart(f"final: {last.content['result']}")])
    return FunctionModel(model)


def test_agent_runs_a_tool_using_program_with_concurrent_tools_and_state():
    programs = [
        "import asyncio\npages = await asyncio.gather(*[fetch(u) for u in 'abcde'])\n"
        "print(len(pages))\npages",
        "import numpy",
        "total = await add(len(pages), b=37)\ntotal",
    ]
    seen = []
    toolset = Timed([fetch, add])
    agent = Agent(scripted(programs, seen), toolsets=[toolset])
    result = agent.run_sync("count the pages")
    assert result.output == "final: 42"
    names, description, _, _ = seen[0]
    assert names == ["run_code"]                               # the tools folded into one
    assert "async def fetch(url: str):\n    \"\"\"Fetch a page.\"\"\"" in description
    assert "async def add(a: int, b: int = 1):" in description
    assert "Modules available to import: json" in description
    first = seen[1][3]
    assert first == {"result": ["page a", "page b", "page c", "page d", "page e"],
                     "stdout": "5\n"}
    # five tools sleeping 0.1 s, gathered: about 0.1 s, not 0.5 s
    assert toolset.times[0] < 0.35, toolset.times
    retry = seen[2]
    assert retry[2] == "retry"
    assert "ModuleNotFoundError: No module named 'numpy'" in retry[3]
    assert "Hint: Modules available: " in retry[3]
    assert seen[3][3] == {"result": 42, "stdout": ""}          # `pages` kept across calls


def test_state_persists_across_runs_and_limits_are_reported():
    toolset = MontyCodeToolset(FunctionToolset([add]),
                               limits=monty.Limits(max_duration=0.2), max_retries=5)
    seen = []
    agent = Agent(scripted(["x = await add(1)\nx"], seen), toolsets=[toolset])
    assert agent.run_sync("a").output == "final: 2"
    seen = []
    agent = Agent(scripted(["while True:\n    x += 1", "x > 2"], seen), toolsets=[toolset])
    assert agent.run_sync("b").output == "final: True"
    assert seen[1][2] == "retry"
    assert "MontyTimeLimitError: time limit of 0.2 s exceeded" in seen[1][3]
    assert "Hint: A resource limit stopped the code" in seen[1][3]


def test_tool_errors_reach_the_program_and_the_traceback_names_the_line():
    def lookup(key: str) -> int:
        """Look a key up."""
        return {"a": 1}[key]

    seen = []
    agent = Agent(scripted(["v = await lookup('a')\nprint('got', v)\nw = await lookup('zz')",
                            "try:\n    await lookup('zz')\nexcept Exception as e:\n"
                            "    out = type(e).__name__\nout"], seen),
                  toolsets=[MontyCodeToolset([lookup])])
    assert agent.run_sync("go").output.startswith("final: ")
    text = seen[1][3]
    assert text.startswith("Printed before the error:\ngot 1\n")
    assert 'line 3, in <module>\n    w = await lookup(\'zz\')' in text
    assert seen[2][3]["result"] in ("KeyError", "RuntimeError")


def test_arguments_are_validated_by_the_wrapped_toolset():
    seen = []
    agent = Agent(scripted(["await add('x', 2)"], seen),
                  toolsets=[MontyCodeToolset([add], max_retries=1)])
    with pytest.raises(Exception):
        agent.run_sync("go")
    assert "validation error" in seen[1][3].lower() or "int" in seen[1][3]
