"""monty.integrations.langchain: MontyTool and MontyCodeInterpreterMiddleware against the
installed langchain / langgraph (a scripted chat model; no network)."""

import asyncio
import gc
import json
import time

import pytest

pytest.importorskip("langchain")
pytest.importorskip("langgraph")

import monty  # noqa: E402
from langchain_core.language_models.chat_models import BaseChatModel  # noqa: E402
from langchain_core.messages import AIMessage, ToolMessage  # noqa: E402
from langchain_core.outputs import ChatGeneration, ChatResult  # noqa: E402
from langchain_core.tools import tool  # noqa: E402
from monty.integrations.langchain import MontyCodeInterpreterMiddleware, MontyTool  # noqa: E402

create_agent = pytest.importorskip("langchain.agents").create_agent


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


class ScriptedChat(BaseChatModel):
    """A chat model that answers from a script: each entry is a program for eval_python (a
    tool call) or, last, a function of the messages giving the final text."""

    script: list
    seen: list

    @property
    def _llm_type(self):
        return "scripted"

    def bind_tools(self, tools, **kwargs):
        return self

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.seen.append(list(messages))
        step = self.script.pop(0)
        if callable(step):
            msg = AIMessage(content=step(messages))
        else:
            name, code = step
            msg = AIMessage(content="", tool_calls=[
                {"name": name, "args": {"code": code}, "id": f"call{len(self.seen)}"}])
        return ChatResult(generations=[ChatGeneration(message=msg)])


@tool
def get_weather(city: str, units: str = "metric") -> dict:
    """Current weather for a city."""
    return {"city": city, "temp": {"Paris": 21.0, "Oslo": 4.0}[city], "units": units}


@tool
async def slow_square(n: int) -> int:
    """Square a number, slowly."""
    await asyncio.sleep(0.1)
    return n * n


def last_tool_result(messages):
    return json.loads([m for m in messages if isinstance(m, ToolMessage)][-1].content)


def tool_results(result):
    return [json.loads(m.content) for m in result["messages"] if isinstance(m, ToolMessage)]


def test_middleware_runs_eval_python_over_host_tools_with_state_per_thread():
    from langgraph.checkpoint.memory import InMemorySaver
    mw = MontyCodeInterpreterMiddleware(tools=[get_weather],
                                        limits=monty.Limits(max_duration=0.3))
    seen = []
    model = ScriptedChat(script=[
        ("eval_python", "temps = {c: get_weather(c)['temp'] for c in ['Paris', 'Oslo']}\n"
                        "print('fetched', len(temps))\ntemps"),
        ("eval_python", "get_weather('Rome')"),
        ("eval_python", "while True:\n    pass"),
        ("eval_python", "import numpy"),
        ("eval_python", "max(temps, key=temps.get)"),
        lambda messages: "warmest: " + last_tool_result(messages)["result"],
    ], seen=seen)
    agent = create_agent(model, tools=[], middleware=[mw], checkpointer=InMemorySaver())
    config = {"configurable": {"thread_id": "t1"}}
    result = agent.invoke({"messages": [("user", "which city is warmer?")]}, config)
    assert result["messages"][-1].content == "warmest: Paris"
    ok, keyerr, limit, nomod, final = tool_results(result)
    assert ok == {"result": {"Paris": 21.0, "Oslo": 4.0}, "stdout": "fetched 2\n", "error": None}
    assert keyerr["result"] is None and keyerr["error"]["type"] == "KeyError"
    assert keyerr["error"]["message"] == "'Rome'"
    assert keyerr["error"]["traceback"].startswith("Traceback (most recent call last):")
    assert "get_weather('Rome')" in keyerr["error"]["traceback"]
    assert limit["error"]["type"] == "MontyTimeLimitError"
    assert limit["error"]["message"] == "time limit of 0.3 s exceeded"
    assert "limit" in limit["error"]["hint"]
    assert nomod["error"]["type"] == "ModuleNotFoundError"
    assert nomod["error"]["hint"].startswith("Modules available: ")
    assert final["result"] == "Paris"           # `temps` survived the errors and the limit
    # the tools' signatures are in the system prompt
    system = model.seen[0][0]
    assert system.type == "system"
    assert "def get_weather(city: str, units: str = 'metric'):" in system.text
    assert "Current weather for a city." in system.text
    assert "Modules available to import: json" in system.text

    # another thread has its own sandbox; the first keeps its own
    model.script[:] = [("eval_python", "temps"), lambda m: str(last_tool_result(m)["error"]["type"])]
    other = agent.invoke({"messages": [("user", "x")]}, {"configurable": {"thread_id": "t2"}})
    assert other["messages"][-1].content == "NameError"
    model.script[:] = [("eval_python", "sorted(temps)"), lambda m: str(last_tool_result(m)["result"])]
    again = agent.invoke({"messages": [("user", "y")]}, config)
    assert again["messages"][-1].content == "['Oslo', 'Paris']"


def test_middleware_async_gathers_tools_concurrently():
    mw = MontyCodeInterpreterMiddleware(tools=[slow_square, get_weather])
    model = ScriptedChat(script=[
        ("eval_python", "import asyncio\nsquares = await asyncio.gather("
                        "*[slow_square(i) for i in range(5)])\nsquares"),
        lambda m: json.dumps(last_tool_result(m)["result"]),
    ], seen=[])
    agent = create_agent(model, tools=[], middleware=[mw])

    async def main():
        t0 = time.perf_counter()
        out = await agent.ainvoke({"messages": [("user", "squares")]},
                                  {"configurable": {"thread_id": "a"}})
        return out, time.perf_counter() - t0

    out, took = asyncio.run(main())
    assert json.loads(out["messages"][-1].content) == [0, 1, 4, 9, 16]
    assert took < 0.45, took        # five 0.1 s tools at once, not 0.5 s in a row


def approve(action: str) -> str:
    from langgraph.types import interrupt
    answer = interrupt({"action": action})
    if answer != "yes":
        raise PermissionError(f"{action} was not approved")
    return f"{action} done"


@tool
def transfer(amount: int) -> str:
    """Transfer money (a human approves each transfer)."""
    return approve(f"transfer {amount}")


def test_human_in_the_loop_resumes_the_paused_program_from_the_store():
    from langgraph.checkpoint.memory import InMemorySaver
    from langgraph.store.memory import InMemoryStore
    from langgraph.types import Command

    calls = []

    @tool
    def note(text: str) -> str:
        """Record a note (a side effect that must not run twice)."""
        calls.append(text)
        return f"noted {len(calls)}"

    program = ("log = [note('start')]\n"
               "log.append(transfer(10))\n"
               "log.append(note('middle'))\n"
               "log.append(transfer(20))\n"
               "log")
    store, saver = InMemoryStore(), InMemorySaver()
    config = {"configurable": {"thread_id": "hitl"}}

    def make_agent(first=False):
        # a new model and middleware each time: as if each step ran in a new process
        script = [lambda m: json.dumps(last_tool_result(m))]
        model = ScriptedChat(script=[("eval_python", program)] + script if first else script,
                             seen=[])
        mw = MontyCodeInterpreterMiddleware(tools=[note, transfer], secret=b"k")
        return create_agent(model, tools=[], middleware=[mw], checkpointer=saver, store=store)

    first = make_agent(first=True).invoke({"messages": [("user", "pay")]}, config)
    assert first["__interrupt__"][0].value == {"action": "transfer 10"}
    assert calls == ["start"]
    saved = store.search(("monty", "paused", "hitl"))
    assert len(saved) == 1 and saved[0].value["interrupts"] == 0

    second = make_agent().invoke(Command(resume="yes"), config)
    assert second["__interrupt__"][0].value == {"action": "transfer 20"}
    assert calls == ["start", "middle"]                 # 'start' was not noted again
    assert store.search(("monty", "paused", "hitl"))[0].value["interrupts"] == 1

    third = make_agent().invoke(Command(resume="yes"), config)
    report = json.loads(third["messages"][-1].content)
    assert report == {"result": ["noted 1", "transfer 10 done", "noted 2", "transfer 20 done"],
                      "stdout": "", "error": None}
    assert calls == ["start", "middle"]
    assert store.search(("monty", "paused", "hitl")) == []
    # the thread's session (with `log`) is in the store: a new process picks it up
    mw = MontyCodeInterpreterMiddleware(tools=[note, transfer], secret=b"k")
    assert mw.session("hitl", store).run("len(log)") == 4


def test_human_in_the_loop_rejection_reaches_the_program():
    from langgraph.checkpoint.memory import InMemorySaver
    from langgraph.types import Command

    model = ScriptedChat(script=[
        ("eval_python", "try:\n    r = transfer(5)\nexcept PermissionError as e:\n    r = str(e)\nr"),
        lambda m: last_tool_result(m)["result"]], seen=[])
    agent = create_agent(model, tools=[], checkpointer=InMemorySaver(),
                         middleware=[MontyCodeInterpreterMiddleware(tools=[transfer])])
    config = {"configurable": {"thread_id": "no"}}
    assert "__interrupt__" in agent.invoke({"messages": [("user", "pay")]}, config)
    out = agent.invoke(Command(resume="no"), config)
    assert out["messages"][-1].content == "transfer 5 was not approved"


def test_monty_tool_sync_and_async():
    t = MontyTool(tools=[get_weather, slow_square], limits=monty.Limits(max_duration=0.5))
    assert t.name == "python"
    assert "def get_weather(city: str, units: str = 'metric'):" in t.description
    out = t.invoke({"code": "w = get_weather('Oslo')\nprint(w['units'])\nw['temp']"})
    assert out == {"result": 4.0, "stdout": "metric\n", "error": None}
    out = t.invoke({"code": "w['city']"})                   # state kept across calls
    assert out["result"] == "Oslo"
    bad = t.invoke({"code": "x = (1 +"})
    assert bad["error"]["type"] == "SyntaxError" and "never closed" in bad["error"]["message"]

    async def main():
        t0 = time.perf_counter()
        r = await t.ainvoke({"code": "import asyncio\n"
                                     "await asyncio.gather(*[slow_square(i) for i in range(5)])"})
        return r, time.perf_counter() - t0

    r, took = asyncio.run(main())
    assert r["result"] == [0, 1, 4, 9, 16] and r["error"] is None
    assert took < 0.4, took
    # as a tool call, the model gets the report as JSON
    msg = t.invoke({"type": "tool_call", "id": "1", "name": "python",
                    "args": {"code": "1/0"}})
    report = json.loads(msg.content)
    assert report["error"]["type"] == "ZeroDivisionError"
    assert "1/0" in report["error"]["traceback"]


def test_human_in_the_loop_async_and_without_a_store():
    from langgraph.checkpoint.memory import InMemorySaver
    from langgraph.types import Command

    calls = []

    @tool
    async def note(text: str) -> str:
        """Record a note."""
        calls.append(text)
        return text.upper()

    program = "a = await note('one')\nb = transfer(7)\nc = await note('two')\n[a, b, c]"
    mw = MontyCodeInterpreterMiddleware(tools=[note, transfer])
    model = ScriptedChat(script=[("eval_python", program),
                                 ("eval_python", "x = 1"),
                                 lambda m: json.dumps(last_tool_result(m))], seen=[])
    agent = create_agent(model, tools=[], middleware=[mw], checkpointer=InMemorySaver())
    config = {"configurable": {"thread_id": "mem"}}

    async def main():
        first = await agent.ainvoke({"messages": [("user", "go")]}, config)
        assert first["__interrupt__"][0].value == {"action": "transfer 7"}
        # the thread's sandbox runs other code meanwhile: the paused program is kept as bytes
        other = mw.session("mem")
        other.run("unrelated = 1")
        return await agent.ainvoke(Command(resume="yes"), config)

    out = asyncio.run(main())
    report = [json.loads(m.content) for m in out["messages"] if isinstance(m, ToolMessage)][0]
    assert report == {"result": ["ONE", "transfer 7 done", "TWO"], "stdout": "", "error": None}
    assert calls == ["one", "two"]


def test_a_tool_result_the_sandbox_cannot_hold_is_a_type_error_in_the_program():
    class Thing:
        pass

    @tool
    def make() -> object:
        """Make a thing."""
        return Thing()

    model = ScriptedChat(script=[
        ("eval_python", "try:\n    make()\nexcept TypeError as e:\n    r = 'refused'\nr"),
        lambda m: last_tool_result(m)["result"]], seen=[])
    agent = create_agent(model, tools=[], middleware=[MontyCodeInterpreterMiddleware([make])])
    assert agent.invoke({"messages": [("user", "x")]})["messages"][-1].content == "refused"


def test_async_only_tools_are_awaited_and_gathered_under_invoke_too():
    mw = MontyCodeInterpreterMiddleware(tools=[slow_square, get_weather])
    assert "async def slow_square(n: int):" in mw.system_prompt
    assert "\ndef get_weather(" in mw.system_prompt
    model = ScriptedChat(script=[
        ("eval_python", "import asyncio\nt = get_weather('Oslo')['temp']\n"
                        "await asyncio.gather(*[slow_square(i) for i in range(int(t) + 1)])"),
        lambda m: json.dumps(last_tool_result(m)["result"])], seen=[])
    agent = create_agent(model, tools=[], middleware=[mw])
    t0 = time.perf_counter()
    out = agent.invoke({"messages": [("user", "x")]})
    took = time.perf_counter() - t0
    assert json.loads(out["messages"][-1].content) == [0, 1, 4, 9, 16]
    assert took < 0.45, took

    t = MontyTool(tools=[slow_square])
    t0 = time.perf_counter()
    r = t.invoke({"code": "import asyncio\n"
                          "await asyncio.gather(*[slow_square(i) for i in range(5)])"})
    assert r["result"] == [0, 1, 4, 9, 16]
    assert time.perf_counter() - t0 < 0.4


def test_tool_calls_nested_in_callbacks_and_in_tools_pause_and_resume_once():
    # Tool calls made from the program's own functions run as key functions and map()
    # callbacks, and host tools that call other tools (one of which interrupts for a person):
    # each sandbox-side call is a pause, the interrupt saves the program paused inside the
    # map() callback, and the replay resumes it there (no earlier tool call runs again).
    from langgraph.checkpoint.memory import InMemorySaver
    from langgraph.store.memory import InMemoryStore
    from langgraph.types import Command

    calls = []

    @tool
    def price(item: str) -> float:
        """Unit price of an item."""
        calls.append(("price", item))
        return {"apple": 1.5, "pear": 2.0, "fig": 3.0}[item]

    @tool
    def priced_total(items: list[str]) -> float:
        """Total price of the items (calls the price tool for each)."""
        calls.append(("total", tuple(items)))
        return sum(price.invoke({"item": i}) for i in items)

    @tool
    def approve_item(item: str) -> str:
        """Ask a person whether the item may be bought (interrupts the graph)."""
        calls.append(("ask", item))
        return approve(f"buy {item}")

    @tool
    def checked_price(item: str) -> float:
        """Price of an item a person approved (calls approve_item, then price)."""
        calls.append(("checked", item))
        approve_item.invoke({"item": item})
        return price.invoke({"item": item})

    program = ("def cost(x):\n"
               "    return price(x) * 2\n"
               "order = sorted(['fig', 'apple', 'pear'], key=lambda i: cost(i))\n"
               "total = priced_total(order)\n"
               "both = list(map(lambda i: checked_price(i), ['pear', 'fig']))\n"
               "import functools\n"
               "by_cmp = sorted(order, key=functools.cmp_to_key(lambda a, b: price(a) - price(b)))\n"
               "[order, total, both, max(['apple', 'fig'], key=price), by_cmp]")
    store, saver = InMemoryStore(), InMemorySaver()
    config = {"configurable": {"thread_id": "nested"}}

    def make_agent(first=False):
        script = [lambda m: json.dumps(last_tool_result(m))]
        model = ScriptedChat(script=[("eval_python", program)] + script if first else script,
                             seen=[])
        mw = MontyCodeInterpreterMiddleware(tools=[price, priced_total, checked_price],
                                            secret=b"k")
        return create_agent(model, tools=[], middleware=[mw], checkpointer=saver, store=store)

    before_approval = [("price", "fig"), ("price", "apple"), ("price", "pear"),
                       ("total", ("apple", "pear", "fig")),
                       ("price", "apple"), ("price", "pear"), ("price", "fig")]
    first = make_agent(first=True).invoke({"messages": [("user", "buy")]}, config)
    assert first["__interrupt__"][0].value == {"action": "buy pear"}
    assert calls == before_approval + [("checked", "pear"), ("ask", "pear")]

    second = make_agent().invoke(Command(resume="yes"), config)
    assert second["__interrupt__"][0].value == {"action": "buy fig"}
    # only the interrupted call ran again (the tool node replays it), nothing before it
    assert calls[len(before_approval) + 2:] == [("checked", "pear"), ("ask", "pear"),
                                                ("price", "pear"),
                                                ("checked", "fig"), ("ask", "fig")]

    third = make_agent().invoke(Command(resume="yes"), config)
    report = json.loads(third["messages"][-1].content)
    assert report["error"] is None
    order, total, both, dearest, by_cmp = report["result"]
    assert (order, total, both, dearest) == (["apple", "pear", "fig"], 6.5, [2.0, 3.0], "fig")
    assert by_cmp == ["apple", "pear", "fig"]
    # the cmp_to_key comparisons pause too, in CPython's order (pear < apple? fig < pear?)
    assert calls[len(before_approval) + 7:] == [("checked", "fig"), ("ask", "fig"),
                                                ("price", "fig"),
                                                ("price", "pear"), ("price", "apple"),
                                                ("price", "fig"), ("price", "pear"),
                                                ("price", "apple"), ("price", "fig")]
