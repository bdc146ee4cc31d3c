"""The host side of the API for agent frameworks (design.md section 5): top-level `return`,
`Sandbox.execute` and `Outcome`/`Opaque`, the agent limits, `set_functions`, `capabilities()`
and `describe_functions()`, the typed API. Behaviours with a CPython reference are checked
against CPython."""

import contextlib
import io
import sys
import textwrap
import traceback

import pytest

import monty


def printed_run(code, **kwargs):
    chunks = []
    sb = monty.Sandbox(print_callback=chunks.append, **kwargs)
    return sb.run(code), "".join(chunks)


# ---------------------------------------------------------------------------------------------
# 3. top-level `return`

def cpython_as_function(code):
    """CPython's reference for a program ending in a top-level `return`: the same body as a
    function's (value returned, text printed)."""
    src = "def __program():\n" + textwrap.indent(code, "    ") + "\n    return None\n"
    ns = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(src, "<ref>", "exec"), ns)
        value = ns["__program"]()
    return value, out.getvalue()


RETURN_CASES = [
    "return 42\nprint('not reached')",
    "print('a')\nreturn\nprint('b')",
    "for i in range(10):\n    if i == 3:\n        return i * 10\nprint('no')",
    "i = 0\nwhile True:\n    i += 1\n    if i > 4:\n        return i\n",
    "for i in range(3):\n    for j in range(3):\n        if i * j == 2:\n            return (i, j)\n",
    "try:\n    return 'body'\nfinally:\n    print('finally ran')",
    "try:\n    1 / 0\nexcept ZeroDivisionError:\n    return 'handled'\nfinally:\n    print('f')",
    "try:\n    try:\n        return 1\n    finally:\n        print('inner')\nfinally:\n    print('outer')",
    "try:\n    return 1\nfinally:\n    return 2",
    textwrap.dedent("""\
        class CM:
            def __enter__(self):
                print('enter')
                return self
            def __exit__(self, *exc):
                print('exit', exc)
                return False
        with CM():
            return 'from with'
        print('after')
    """),
    "x = 3\nmatch x:\n    case 3:\n        return 'three'\n    case _:\n        return 'other'",
    "if True:\n    return [1, {'a': (2, 3)}]\nelse:\n    return None",
    "def f():\n    return 'inner'\nreturn f() + '!'",
    "for i in range(5):\n    try:\n        if i == 2:\n            return i\n    finally:\n        print('fin', i)",
]


@pytest.mark.parametrize("code", RETURN_CASES)
def test_top_level_return_matches_cpython_function_body(code):
    expected = cpython_as_function(code)
    assert printed_run(code) == expected


def test_top_level_return_in_class_body_stays_a_syntax_error_like_cpython():
    code = "class A:\n    return 1\n"
    with pytest.raises(SyntaxError) as ref:
        compile(code, "<string>", "exec")
    with pytest.raises(monty.MontySyntaxError) as info:
        monty.Sandbox().run(code)
    assert ref.value.msg in str(info.value) and "line 2" in str(info.value)
    # ... and inside a class body nested in a top-level block
    with pytest.raises(monty.MontySyntaxError):
        monty.Sandbox().run("if True:\n    class B:\n        return 2\n")


def test_top_level_return_keeps_globals_and_ends_only_that_run():
    sb = monty.Sandbox()
    assert sb.run("total = 0\nfor i in range(10):\n    total += i\n    if i == 4:\n        return total") == 10
    assert sb.run("total * 2") == 20


def test_top_level_return_under_start_resume():
    sb = monty.Sandbox(functions={"fetch": None})
    step = sb.start("xs = []\nfor i in range(5):\n    xs.append(fetch(i))\n    if len(xs) == 2:\n"
                    "        return xs\nprint('not reached')")
    assert isinstance(step, monty.Call) and step.args == (0,)
    step = step.resume("a")
    assert isinstance(step, monty.Call) and step.args == (1,)
    step = step.resume("b")
    assert isinstance(step, monty.Done) and step.value == ["a", "b"]


def test_top_level_return_after_a_dump_and_load():
    sb = monty.Sandbox(functions={"fetch": None})
    step = sb.start("try:\n    v = fetch(1)\n    return v + 1\nfinally:\n    print('cleanup')")
    chunks = []
    loaded = monty.load(step.dump(), functions={"fetch": None}, print_callback=chunks.append)
    done = loaded.resume(41)
    assert isinstance(done, monty.Done) and done.value == 42 and "".join(chunks) == "cleanup\n"


def test_top_level_return_with_top_level_await():
    code = "import asyncio\nawait asyncio.sleep(0)\nfor i in range(3):\n    return i + 100\n"
    assert monty.Sandbox().run(code) == 100


def test_top_level_return_in_execute():
    out = monty.Sandbox().execute("print('x')\nreturn {'answer': 42}\nprint('y')")
    assert out.ok and out.value == {"answer": 42} and out.stdout == "x\n"
