"""monty.integrations.dspy: MontyInterpreter against the installed dspy (a scripted LM, no
network)."""

import asyncio
import gc
import time

import pytest

dspy = pytest.importorskip("dspy")

import monty  # noqa: E402
from dspy.primitives.code_interpreter import (  # noqa: E402
    CodeExecutionError, CodeInterpreter, CodeInterpreterError, FinalOutput)
from dspy.utils.dummies import DummyLM  # noqa: E402
from monty.integrations.dspy import MontyInterpreter  # noqa: E402


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


def lookup(key: str) -> int:
    """Look up a number by key."""
    return {"a": 10, "b": 32}[key]


def test_protocol_and_factory_shape():
    interp = MontyInterpreter()
    assert isinstance(interp, CodeInterpreter)
    factory = MontyInterpreter.factory(limits=monty.Limits(max_duration=1.0))
    assert not isinstance(factory, CodeInterpreter)      # DSPy refuses ambiguous factories
    made = factory()
    assert isinstance(made, MontyInterpreter) and made.limits.max_duration == 1.0
    text = MontyInterpreter.execution_instructions
    assert "SUBMIT" in text
    for name in monty.capabilities()["modules"]:
        assert name in text
    assert factory.execution_instructions == text


def test_rlm_runs_to_final_output_with_errors_limits_and_state():
    lm = DummyLM([
        {"reasoning": "look", "code": "```python\nvals = [lookup(k) for k in keys]\nprint(vals)\n```"},
        {"reasoning": "try numpy", "code": "import numpy"},
        {"reasoning": "spin", "code": "while True:\n    pass"},
        {"reasoning": "sum", "code": "total = sum(vals)\ntry:\n    SUBMIT(answer=str(total))\n"
                                     "except BaseException:\n    print('swallowed')"},
    ])
    rlm = dspy.RLM("keys -> answer", max_iters=6, tools=[lookup],
                   interpreter_factory=MontyInterpreter.factory(
                       limits=monty.Limits(max_duration=0.3)))
    with dspy.context(lm=lm):
        result = rlm(keys=["a", "b"])
    assert result.answer == "42"
    outputs = [step["output"] for step in result.trajectory]
    assert outputs[0] == "[10, 32]"                       # tool called back on the host
    assert "ModuleNotFoundError: No module named 'numpy'" in outputs[1]
    assert 'File "<string>", line 1' in outputs[1] and "import numpy" in outputs[1]
    assert "Hint: Modules available: " in outputs[1] and "json" in outputs[1]
    assert "time limit of 0.3 s exceeded" in outputs[2]      # which limit, and its value
    assert outputs[3] == "FINAL: {'answer': '42'}"          # vals survived the limit


def test_execute_returns_output_and_keeps_state_across_a_limit():
    interp = MontyInterpreter(limits=monty.Limits(max_duration=0.2, max_memory=10_000_000))
    assert interp.execute("x = 20\nprint('hi')") == "hi"
    assert interp.execute("x + 1") == "21"                    # last value shown like a REPL
    assert interp.execute("y = 1") is None
    with pytest.raises(CodeExecutionError, match="time limit of 0.2 s exceeded"):
        interp.execute("x = 5\nwhile True:\n    x += 1")
    with pytest.raises(CodeExecutionError, match="memory limit of 10000000 bytes exceeded"):
        interp.execute("big = 'a' * 50_000_000")
    assert int(interp.execute("x")) > 5                       # the session is still there
    with pytest.raises(CodeExecutionError) as info:
        interp.execute("print('before')\nz = 1 / 0")
    text = str(info.value)
    assert text.startswith("before\nTraceback (most recent call last):")
    assert "z = 1 / 0" in text and text.rstrip().endswith("ZeroDivisionError: division by zero")


def test_syntax_errors_and_unsupported_syntax():
    interp = MontyInterpreter()
    with pytest.raises(SyntaxError) as info:
        interp.execute("x = (1 +")
    assert "'(' was never closed" in str(info.value)


def test_submit_positional_keyword_and_bad_fields():
    interp = MontyInterpreter(output_fields=[{"name": "answer", "type": "str"},
                                             {"name": "score", "type": "int"}])
    assert interp.execute("SUBMIT('yes', 3)") == FinalOutput({"answer": "yes", "score": 3})
    assert interp.execute("SUBMIT(score=1, answer='no')") == FinalOutput(
        {"answer": "no", "score": 1})
    with pytest.raises(CodeExecutionError, match="missing score"):
        interp.execute("SUBMIT(answer='x')")
    # SUBMIT cannot be swallowed and nothing after it runs
    assert interp.execute("after = 0\nfor i in range(3):\n    try:\n        SUBMIT('a', i)\n"
                          "    except Exception:\n        pass\n    after = 1") == FinalOutput(
        {"answer": "a", "score": 0})
    assert interp.execute("after") == "0"
    assert "def SUBMIT(answer: str, score: int)" in interp.execution_instructions
    single = MontyInterpreter()
    assert single.execute("SUBMIT([1, 2])") == FinalOutput({"output": [1, 2]})


def test_tools_dict_is_live_and_async_tools_gather():
    async def slow(n: int) -> int:
        """Sleep a little, then double n."""
        await asyncio.sleep(0.1)
        return 2 * n

    interp = MontyInterpreter()
    interp.tools["lookup"] = lookup
    assert interp.execute("lookup(key='b')") == "32"
    interp.tools["slow"] = slow
    t0 = time.perf_counter()
    out = interp.execute("import asyncio\nawait asyncio.gather(*[slow(i) for i in range(5)])")
    assert out == "[0, 2, 4, 6, 8]"
    assert time.perf_counter() - t0 < 0.4
    assert "async def slow(n: int) -> int" in interp.execution_instructions
    with pytest.raises(CodeExecutionError, match="KeyError"):
        interp.execute("lookup('zzz')")


def test_variables_and_lifecycle():
    interp = MontyInterpreter(tools={"lookup": lookup})
    assert interp.execute("sum(xs)", {"xs": [1, 2, 3]}) == "6"
    with pytest.raises(CodeInterpreterError):
        interp.execute("1", {"SUBMIT": 1})
    with pytest.raises(CodeInterpreterError):
        interp.execute("1", {"lookup": 1})
    with pytest.raises(CodeInterpreterError, match="cannot cross into the sandbox"):
        interp.execute("1", {"obj": object()})
    interp.shutdown()
    with pytest.raises(CodeInterpreterError, match="shut down"):
        interp.execute("1")


def _three_step_lm():
    # (keyword arguments: DSPy 3.4's LocalInterpreter cannot pass RLM tools positional ones)
    return DummyLM([
        {"reasoning": "look", "code": "vals = {k: lookup(key=k) for k in keys}\nprint(vals)"},
        {"reasoning": "combine", "code": "total = sum(vals.values())\nprint(total)"},
        {"reasoning": "done", "code": "SUBMIT(answer=f'{total} from {len(vals)} keys')"},
    ])


def test_rlm_gives_the_same_answer_as_dspys_local_interpreter():
    from dspy.primitives.local_interpreter import LocalInterpreter
    runs = {}
    for name, factory in (("local", LocalInterpreter), ("monty", MontyInterpreter)):
        rlm = dspy.RLM("keys -> answer", max_iters=5, tools=[lookup], interpreter_factory=factory)
        with dspy.context(lm=_three_step_lm()):
            runs[name] = rlm(keys=["a", "b"])
    assert runs["monty"].answer == runs["local"].answer == "42 from 2 keys"
    assert ([s["output"] for s in runs["monty"].trajectory]
            == [s["output"] for s in runs["local"].trajectory])


def test_rlm_async_forward():
    rlm = dspy.RLM("keys -> answer", max_iters=5, tools=[lookup],
                   interpreter_factory=MontyInterpreter)

    async def main():
        with dspy.context(lm=_three_step_lm()):
            return await rlm.acall(keys=["a", "b"])

    assert asyncio.run(main()).answer == "42 from 2 keys"


def test_hint_for_a_builtin_the_sandbox_does_not_offer():
    interp = MontyInterpreter()
    with pytest.raises(CodeExecutionError) as info:
        interp.execute("data = open('notes.txt').read()")
    text = str(info.value)
    assert "NameError: name 'open' is not defined" in text
    assert text.endswith("Hint: `open` is not available in the sandbox (no files, network, "
                         "processes or environment); use the functions listed for you.")
    with pytest.raises(CodeExecutionError, match="Names persist between runs"):
        interp.execute("undefined_name")


class _EchoSubLM(dspy.BaseLM):
    """A scripted sub-LM: answers each prompt with the prompt in capitals, and records it."""

    def __init__(self):
        super().__init__(model="echo")
        self.prompts = []

    def __call__(self, prompt=None, messages=None, **kwargs):
        self.prompts.append(prompt)
        return [prompt.upper()]


def _sub_lm_program():
    return DummyLM([
        {"reasoning": "ask", "code": "one = llm_query('hello')\nprint(one)"},
        {"reasoning": "batch", "code": "many = llm_query_batched(['a', 'b', 'c'])\nprint(many)"},
        {"reasoning": "over budget", "code": "try:\n    llm_query('more')\n"
                                            "except Exception as e:\n    print(type(e).__name__)"},
        {"reasoning": "done", "code": "SUBMIT(answer=one + '-' + ''.join(many))"},
    ])


def test_rlm_sub_lm_calls_through_llm_query_match_dspys_local_interpreter():
    # llm_query / llm_query_batched are host functions RLM gives the interpreter: the sandbox
    # calls them like any tool, the sub-LM runs on the host, and RLM's call budget applies
    from dspy.primitives.local_interpreter import LocalInterpreter
    runs, prompts = {}, {}
    for name, factory in (("local", LocalInterpreter), ("monty", MontyInterpreter)):
        sub = _EchoSubLM()
        rlm = dspy.RLM("q -> answer", max_iters=6, max_llm_calls=4, sub_lm=sub,
                       interpreter_factory=factory)
        with dspy.context(lm=_sub_lm_program()):
            runs[name] = rlm(q="shout")
        prompts[name] = sorted(sub.prompts)
    assert runs["monty"].answer == runs["local"].answer == "HELLO-ABC"
    outputs = [s["output"] for s in runs["monty"].trajectory]
    assert outputs == [s["output"] for s in runs["local"].trajectory]
    assert outputs[:2] == ["HELLO", "['A', 'B', 'C']"]
    # past max_llm_calls the call raises in the program, which catches it
    assert outputs[2] == "RuntimeError"
    assert prompts["monty"] == prompts["local"] == ["a", "b", "c", "hello"]
