"""monty as a smolagents CodeAgent's executor, against the real smolagents with a scripted
model (no network): the same task reaches the same answer as with smolagents' own executor."""

import importlib.metadata

import pytest

smolagents = pytest.importorskip("smolagents")

from smolagents import CodeAgent, tool  # noqa: E402
from smolagents.models import ChatMessage, MessageRole, Model  # noqa: E402

import monty  # noqa: E402
from monty.integrations.smolagents import MontyExecutor  # noqa: E402


class ScriptedModel(Model):
    """Answers each generate() with the next canned code action."""

    def __init__(self, actions):
        super().__init__(model_id="scripted")
        self.actions = list(actions)
        self.seen = []

    def generate(self, messages, stop_sequences=None, response_format=None,
                 tools_to_call_from=None, **kwargs):
        self.seen.append(messages)
        code = self.actions.pop(0)
        return ChatMessage(role=MessageRole.ASSISTANT,
                           content=f"Thought: next step.\n<code>\n{code}\n</code>")


CALLS = []


@tool
def get_price(item: str) -> float:
    """The unit price of an item in USD.

    Args:
        item: the item's name
    """
    CALLS.append(("get_price", item))
    return {"apple": 1.25, "pear": 2.5, "fig": 4.0}[item]


@tool
def convert(amount: float, currency: str) -> float:
    """Convert an amount in USD to another currency.

    Args:
        amount: the amount in USD
        currency: the target currency code
    """
    CALLS.append(("convert", amount, currency))
    if currency != "EUR":
        raise ValueError(f"unknown currency {currency}")
    return amount * 0.5


THREE_STEPS = [
    "prices = {name: get_price(name) for name in ['apple', 'pear', 'fig']}\nprint(prices)",
    "total = sum(prices.values())\ntry:\n    convert(total, 'XYZ')\nexcept ValueError as e:\n"
    "    print('tool said:', e)\neur = convert(total, currency='EUR')\nprint(f'{eur:.2f} EUR')\neur",
    "final_answer({'total_usd': total, 'total_eur': round(eur, 2)})",
]


def _agent(actions, executor=None, tools=(get_price, convert), **kw):
    return CodeAgent(tools=list(tools), model=ScriptedModel(actions), executor=executor,
                     verbosity_level=0, **kw)


def _observations(agent):
    return [s.observations for s in agent.memory.steps if hasattr(s, "observations")]


def test_three_step_task_same_answer_as_local_executor():
    CALLS.clear()
    local = _agent(THREE_STEPS)
    expected = local.run("What do an apple, a pear and a fig cost, in EUR?")
    local_calls = list(CALLS)
    CALLS.clear()
    agent = _agent(THREE_STEPS, executor=MontyExecutor())
    answer = agent.run("What do an apple, a pear and a fig cost, in EUR?")
    assert answer == expected == {"total_usd": 7.75, "total_eur": 3.88}
    assert CALLS == local_calls         # tools ran on the host, same calls, same order
    obs = _observations(agent)
    assert "{'apple': 1.25, 'pear': 2.5, 'fig': 4.0}" in obs[0]
    assert "tool said: unknown currency XYZ" in obs[1] and "3.88 EUR" in obs[1]
    assert "Last output from code snippet:\n3.875" in obs[1]
    assert obs == _observations(local)


def test_final_answer_ends_the_step_inside_try_except_exception():
    code = ("try:\n    final_answer('done')\nexcept Exception:\n    print('swallowed')\n"
            "after = 1\nfinal_answer('not this one')")
    executor = MontyExecutor()
    agent = _agent([code], executor=executor)
    assert agent.run("finish") == "done"
    assert "swallowed" not in (_observations(agent)[0] or "")
    # the code after the call never ran
    assert executor.sandbox.execute("after").error.exc_type == "NameError"
    assert _agent([code]).run("finish") == "done"      # as smolagents' own executor


def test_final_answer_with_bare_except_and_finally_still_ends():
    code = ("try:\n    final_answer(42)\nexcept:\n    print('caught')\nfinally:\n"
            "    print('finally')\n")
    agent = _agent([code], executor=MontyExecutor())
    assert agent.run("finish") == 42
    assert "caught" not in (_observations(agent)[0] or "")


def test_state_persists_across_steps_and_runs_and_tool_set_changes():
    executor = MontyExecutor()
    agent = _agent(["import math\ncounter = 40\ndef bump(n):\n    return n + 1",
                    "counter = bump(counter)\nfinal_answer(counter)"], executor=executor)
    assert agent.run("first") == 41

    @tool
    def double(x: int) -> int:
        """Twice x.

        Args:
            x: a number
        """
        return 2 * x

    agent2 = _agent(["final_answer(double(bump(counter)) + int(math.sqrt(16)))"],
                    executor=executor, tools=[get_price, double])
    assert agent2.run("second, with another tool set") == 88
    # agent.run again on the first agent: globals still there
    agent.model.actions = ["final_answer(counter * 2)"]
    assert agent.run("third") == 82
    # a tool no longer given is gone; the globals are kept
    agent3 = _agent(["try:\n    double(1)\nexcept NameError as e:\n    msg = str(e)\n"
                     "final_answer((msg, counter))"], executor=executor, tools=[get_price])
    assert agent3.run("fourth") == ("name 'double' is not defined", 41)


def test_prints_before_an_error_reach_the_logs_and_the_error_is_fixable():
    agent = _agent(["print('before the error')\nitems = [1, 2]\nvalue = items[5]",
                    "final_answer(len(items))"], executor=MontyExecutor())
    assert agent.run("index") == 2
    step = [s for s in agent.memory.steps if hasattr(s, "observations")][0]
    assert "before the error" in step.observations
    message = str(step.error)
    assert "IndexError: list index out of range" in message
    assert "value = items[5]" in message and "line 3" in message


def test_missing_module_and_limit_errors_carry_a_hint():
    agent = _agent(["import os\nos.listdir('/')", "while True:\n    pass",
                    "final_answer('gave up')"],
                   executor=MontyExecutor(limits=monty.Limits(max_duration=0.2)))
    assert agent.run("try") == "gave up"
    errors = [str(s.error) for s in agent.memory.steps if getattr(s, "error", None)]
    assert "ModuleNotFoundError" in errors[0] and "Modules available:" in errors[0]
    assert "json" in errors[0].split("Modules available:")[1]
    assert "time limit of 0.2 s exceeded" in errors[1] and "Hint:" in errors[1]


def test_variables_from_additional_args_enter_the_sandbox():
    agent = _agent(["final_answer(sum(numbers) * factor)"], executor=MontyExecutor())
    assert agent.run("sum", additional_args={"numbers": [1, 2, 3], "factor": 10}) == 60


def test_a_tool_returning_non_plain_data_is_an_error_the_code_can_see():
    class Thing:
        pass

    @tool
    def make() -> str:
        """Make a thing."""
        return Thing()

    agent = _agent(["try:\n    make()\nexcept TypeError as e:\n    final_answer(str(e))"],
                   executor=MontyExecutor(), tools=[make])
    assert "make() returned Thing, which the sandbox cannot hold" in agent.run("make")


def test_cleanup_forgets_state_and_keeps_tools():
    executor = MontyExecutor()
    agent = _agent(["x = 1\nfinal_answer(x)"], executor=executor)
    assert agent.run("one") == 1
    agent.cleanup()
    agent.model.actions = ["try:\n    x\nexcept NameError:\n    final_answer(get_price('fig'))"]
    assert agent.run("two") == 4.0


def test_registered_under_the_smolagents_executors_entry_point():
    eps = importlib.metadata.entry_points(group="smolagents.executors")
    found = {ep.name: ep for ep in eps}
    assert "monty" in found
    assert found["monty"].load() is MontyExecutor


def test_instructions_name_modules_and_tools():
    executor = MontyExecutor()
    executor.send_tools({"get_price": get_price})
    text = executor.instructions()
    assert "json" in text and "get_price" in text


def test_executor_used_directly_as_a_python_executor():
    from smolagents.local_python_executor import InterpreterError, PythonExecutor
    executor = MontyExecutor()
    assert isinstance(executor, PythonExecutor)
    out = executor("x = 20\nprint('x is', x)\nx + 1")
    assert (out.output, out.logs, out.is_final_answer) == (21, "x is 20\n", False)
    executor.send_variables({"y": 2})
    out = executor("final_answer(x * y)")       # no tools sent: final_answer is still there
    assert (out.output, out.is_final_answer) == (40, True)
    with pytest.raises(InterpreterError) as info:
        executor("print('partial')\nundefined_name")
    assert executor.state["_print_outputs"] == "partial\n"
    assert "NameError: name 'undefined_name' is not defined" in str(info.value)
    with pytest.raises(InterpreterError, match="SyntaxError"):
        executor("def broken(:\n    pass")
    assert executor("x").output == 20           # state survived the errors


def test_a_last_value_that_is_not_plain_data_is_described_not_an_error():
    agent = _agent(["import re\ncount = 7\nget_price('pear')\nre.match('a', 'abc')",
                    "final_answer(count)"], executor=MontyExecutor())
    CALLS.clear()
    assert agent.run("match") == 7
    obs = _observations(agent)[0]
    assert "<Match object: not plain data, so not shown" in obs
    assert CALLS == [("get_price", "pear")]     # the step ran once, no error to retry on


def test_printed_text_is_capped_like_smolagents_own_executor():
    out = MontyExecutor()("for i in range(100000):\n    print(i)\n'finished'")
    assert out.output == "finished"
    assert out.logs.endswith("[output cut: more than max_output=50000 bytes printed]\n")
    assert out.logs.startswith("0\n1\n2\n") and len(out.logs) < 50_100
